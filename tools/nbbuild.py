"""Build course and assignment notebooks that follow the project's cell conventions.

Authoring helper (not used at run time). Every cell is locked (``editable: false``) and code
cells are collapsed (``jupyter.source_hidden``), as DESIGN.md asks; pass nbgrader fields to
make a cell an nbgrader cell. Example::

    from tools.nbbuild import code, md, write
    write([md("# Titel"), code("oefen.ask('1')")], "course/module-1/01-les.ipynb")
"""

import nbformat

KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def _lock(cell, hidden=False):
    cell.metadata["editable"] = False
    cell.metadata["deletable"] = False
    if hidden:
        cell.metadata["jupyter"] = {"source_hidden": True}
    return cell


def md(text, **nb):
    """A locked markdown cell; ``nb`` (grade_id=…, …) adds nbgrader metadata."""
    cell = _lock(nbformat.v4.new_markdown_cell(text.strip("\n")))
    if nb:
        cell.metadata["nbgrader"] = _nbg(**nb)
    return cell


def code(text, hidden=True, **nb):
    """A locked code cell, collapsed unless ``hidden=False``; ``nb`` adds nbgrader metadata."""
    cell = _lock(nbformat.v4.new_code_cell(text.strip("\n")), hidden=hidden)
    if nb:
        cell.metadata["nbgrader"] = _nbg(**nb)
    return cell


def answer_md(text, grade_id, points):
    """An nbgrader manually graded markdown answer cell (its text is the trainer's rubric)."""
    cell = nbformat.v4.new_markdown_cell(text.strip("\n"))
    cell.metadata["nbgrader"] = _nbg(
        grade_id=grade_id, grade=True, solution=True, locked=False, points=points
    )
    return cell


def _nbg(grade_id, grade=False, solution=False, locked=True, points=None):
    m = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        m["points"] = points
    return m


def write(cells, path):
    """Validate and write a notebook without outputs, with stable cell ids."""
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nb.metadata["kernelspec"] = KERNEL
    nb.metadata["language_info"] = {"name": "python"}
    for i, c in enumerate(nb.cells):
        c["id"] = f"cell-{i:02d}"
    nbformat.validate(nb)
    nbformat.write(nb, path)
