"""A mixin that gives result classes their plain-data, text and Jupyter views.

The views live in `kim_cooperation.export`, which imports the result
modules; the methods import it when called, so there is no import cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kim_cooperation.export import Result

__all__ = ["Exportable"]


class Exportable:
    """``to_dict``, ``str()`` and ``_repr_html_`` through `kim_cooperation.export`.

    Slotted and without fields, so it changes neither the attrs classes that
    use it nor their pickled form.
    """

    __slots__ = ()

    def _result(self) -> Result:
        result: Result = self  # type: ignore[assignment]  # only result classes mix it in
        return result

    def to_dict(self) -> dict[str, Any]:
        """Return the result as plain data; see `kim_cooperation.export.to_dict`.

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023()).to_dict()["type"]
            'settlement'
        """
        from kim_cooperation.export import to_dict  # noqa: PLC0415 - export imports the results

        return to_dict(self._result())

    def _repr_html_(self) -> str:
        from kim_cooperation.export import to_html  # noqa: PLC0415 - export imports the results

        return to_html(self._result())

    def __str__(self) -> str:
        from kim_cooperation.export import to_text  # noqa: PLC0415 - export imports the results

        return to_text(self._result())
