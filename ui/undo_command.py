"""One generic undo command over domain edits: redo applies the edit, undo applies its inverse."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.edits import Edit, describe, inverse

Apply = Callable[[Edit], bool]


class EditCommand(QUndoCommand):
    """Holds an edit and the function that commits an edit and refreshes the views.

    ``apply`` returns False when the project refused the edit (another process changed the
    same span); the command then becomes obsolete and leaves the stack instead of lying about
    what is stored.
    """

    def __init__(self, edit: Edit, apply: Apply, *, applied: bool = False) -> None:
        super().__init__(describe(edit))
        self.edit = edit
        self._apply = apply
        self._skip_first_redo = applied

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        if not self._apply(self.edit):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._apply(inverse(self.edit)):
            self.setObsolete(True)
