"""The lesson tools: one module per tool, each shown in a lesson by one function.

A tool never imports another tool. What tools share lives one level up: ``course.storage``
(the learner home and private folders), ``course.numbers`` (Dutch notation),
``course.widgets`` (shared widget pieces) and ``course.messages`` (every Dutch text).
"""
