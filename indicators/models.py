"""Pydantic models of the registry files. Shapes and types only; rules that
need other files (sources, the taxonomy) live in `checks.py` and `citations.py`.
The field descriptions become the JSON Schema's hover help in editors."""

from __future__ import annotations

import typing
from datetime import date
from typing import Annotated, Literal, NotRequired, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, TypeAdapter, WithJsonSchema
from typing_extensions import TypedDict

from indicators.vocabulary import DIRECTIONS, KINDS, QUALIFIERS, SCALES

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=120)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=5000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300)]

Kind = Literal[KINDS]
Direction = Literal[DIRECTIONS]
Scale = Literal[tuple(SCALES)]
Qualifier = Literal[tuple(QUALIFIERS)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Names(Strict):
    """The same text in Vietnamese and English."""

    vi: ShortText
    en: ShortText


class Descriptions(Strict):
    vi: Text
    en: Text


class Unit(Strict):
    """Unit of one value, without the scale word: `đồng`/`VND`, `tài khoản`/`accounts`, `%`.
    `en_one` is the English for a single one ("decree" beside "decrees"), when it differs."""

    vi: ShortText
    en: ShortText
    en_one: ShortText | None = None


class Bilingual(Strict):
    """Text for readers: Vietnamese always; English when it has been written (a missing
    translation is shown as missing, never replaced by the Vietnamese)."""

    vi: Text
    en: Text | None = None


Status = Literal["official", "estimate", "preliminary", "revised"]


def _year_as_text(value):
    return str(value) if type(value) is int else value  # not a bool: `period: true` is no year


# `period: 2023` is read by YAML as an integer; it means the year, kept as text. One type
# (not `str | int`), so that a wrong value is one problem at `period`, not one per member.
PeriodLabel = Annotated[
    str, BeforeValidator(_year_as_text), WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}]})
]


class Observation(Strict):
    value: float = Field(description="The number as the quote states it, in units of the indicator's scale.")
    out_of: float | None = Field(default=None, description="For ranks, levels and fractions: N in '86/193' or '6/10'.")
    qualifier: Qualifier | None = Field(
        default=None,
        description="When the source hedges: 'khoảng' about, 'gần' nearly, 'hơn'/'trên' more than, 'dưới' less than.",
    )
    period: PeriodLabel = Field(
        description="As the source states it: 2023, 2024-H1, 2024-Q3, 2024-06, 2023-06-30, 2021/2025, "
        "or a free label in Vietnamese (with period_start)."
    )
    period_start: date | None = Field(
        default=None, description="First day of the period; required only when `period` is a free label."
    )
    period_en: ShortText | None = Field(default=None, description="The English of a free period label.")
    per_year: bool = Field(
        default=False,
        description="A yearly rate ('hàng năm', 'mỗi năm'): the value is per year, reported for `period`.",
    )
    reporting_unit: Slug | None = Field(
        default=None,
        description="The unit this figure is about when it is not the indicator's: 'thanh-hoa', 'bo-tai-chinh'.",
    )
    source: Slug = Field(description="Id of a file in data/sources/.")
    quote: Text = Field(description="The sentence that states the value, copied verbatim from the source.")
    period_quote: Text | None = Field(
        default=None,
        description="When the quote states no period: a sentence of the same source, verbatim, that states it.",
    )
    status: Status | None = Field(
        default=None,
        description="How the source qualifies the figure: official, estimate ('ước tính'), preliminary ('sơ bộ'), "
        "revised (a later release of the same statistic).",
    )
    preferred: bool = Field(
        default=False,
        description="Where sources give different values for the same unit and period: the one that stands.",
    )
    note: Bilingual | None = None


def _plain_observations() -> TypeAdapter:
    """Observation's own fields and rules, validating into plain dicts: the
    loader's fast path checks 100,000s of observations without building a
    model for each. Missing optional fields stay missing (see OBSERVATION_DEFAULTS)."""
    fields = {}
    for name, info in Observation.model_fields.items():
        annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        fields[name] = annotation if info.is_required() else NotRequired[annotation]
    row = TypedDict("ObservationFields", fields)
    row.__pydantic_config__ = ConfigDict(extra="forbid", allow_inf_nan=False)
    return TypeAdapter(Annotated[list[row], Field(min_length=1)])


PLAIN_OBSERVATIONS = _plain_observations()
OBSERVATION_DEFAULTS = {name: info.default for name, info in Observation.model_fields.items() if not info.is_required()}


class Target(Strict):
    """A goal the indicator is measured against: checked against its quote like an observation."""

    value: float = Field(description="The target as the quote states it, in units of the indicator's scale.")
    year: int = Field(ge=1990, le=2100, description="The year it is due, as the quote (or period_quote) states it.")
    reporting_unit: Slug | None = Field(
        default=None,
        description="The unit the target is set for when it is not the indicator's: 'bac-ninh'. Its line is drawn "
        "only on that unit's series.",
    )
    source: Slug
    quote: Text
    period_quote: Text | None = Field(
        default=None, description="When the quote states no year: a sentence of the same source that states it."
    )


class IndicatorInfo(Strict):
    """An indicator's own fields: everything in its file but the observations.
    The loaded registry keeps these per indicator and the observations as columns."""

    id: Slug = Field(description="Same as the file name without .yaml.")
    name: Names
    description: Descriptions
    sector: Slug = Field(description="A sector id from data/taxonomy.yaml.")
    reporting_unit: Slug = Field(
        default="vn",
        description="The unit the figures are about: 'vn' (the nation), a province or city ('thanh-hoa'), a "
        "ministry ('bo-tai-chinh') or a bloc ('khoi-tinh-thanh'); see data/reporting-units/.",
    )
    kind: Kind
    unit: Unit
    scale: Scale = Field(
        default="one",
        description="Values are in units of this: 'billion' for 'tỷ USD', 'trillion' for 'nghìn tỷ đồng'.",
    )
    direction: Direction
    headline: bool = Field(default=False, description="Show as a KPI card on the overview page.")
    index_name: Names | None = Field(default=None, description="For rankings: the international index's name.")
    target: Target | None = Field(default=None, description="One target; `targets` holds several.")
    targets: list[Target] = Field(
        default_factory=list,
        description="Targets, each with its value, year, reporting unit and cited sentence (2025 and 2030 goals).",
    )

    @property
    def scale_factor(self) -> float:
        return SCALES[self.scale].factor

    def all_targets(self) -> list[tuple[tuple, Target]]:
        """Every target with its location in the file: `("target",)`, then `("targets", 0)`, ..."""
        single = [(("target",), self.target)] if self.target is not None else []
        return single + [(("targets", index), target) for index, target in enumerate(self.targets)]

    def target_unit(self, target: Target) -> str:
        """The reporting unit a target is set for: its own, else the indicator's."""
        return target.reporting_unit or self.reporting_unit


class Indicator(IndicatorInfo):
    # One registry file. (No docstring: it would become the schema's description.)
    observations: list[Observation] = Field(min_length=1)

    def info(self) -> IndicatorInfo:
        """The fields besides the observations, as validated already."""
        return trusted(IndicatorInfo, {name: getattr(self, name) for name in IndicatorInfo.model_fields})


class Sector(Strict):
    id: Slug
    name: Names
    description: Names | None = None


class Taxonomy(Strict):
    """data/taxonomy.yaml: the sectors indicators belong to."""

    sectors: list[Sector] = Field(min_length=1)


class Source(Strict):
    """Metadata of one source document; its text is the `.txt` file of the same name."""

    id: Slug
    title: ShortText
    publisher: ShortText | None = None
    published: date | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    language: Literal["vi", "en"]
    accessed: date
    reporting_unit: Slug | None = Field(
        default=None,
        description="When the source is a unit's own publication (a province's portal): that unit. Its figures "
        "may then leave the unit unnamed ('toàn tỉnh').",
    )
    origin: ShortText | None = Field(default=None, description="Where the text file came from (for editors).")
    notes: Bilingual | None = Field(default=None, description="What is inferred rather than stated.")


Model = TypeVar("Model", bound=BaseModel)


def trusted_tree(model: type[Model], data: dict) -> Model:
    """An instance, nested models included, from JSON data that validated as `model`
    before (the validation cache): no validation again, defaults filled in."""
    values = {}
    for name, info in model.model_fields.items():
        value = data[name] if name in data else info.get_default(call_default_factory=True)
        nested = _nested_model(info.annotation)
        if nested is not None and isinstance(value, list):
            value = [trusted_tree(nested, item) if isinstance(item, dict) else item for item in value]
        values[name] = trusted_tree(nested, value) if nested is not None and isinstance(value, dict) else value
    return trusted(model, values)


def _nested_model(annotation) -> type[BaseModel] | None:
    candidates = typing.get_args(annotation) or (annotation,)
    return next((kind for kind in candidates if isinstance(kind, type) and issubclass(kind, BaseModel)), None)


def trusted(model: type[Model], values: dict) -> Model:
    """An instance from values validated earlier (in a worker process or before
    being cached): what `model_construct` does, minus its per-field default
    handling (every field is present), which makes it several times faster."""
    instance = model.__new__(model)
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", set(values))
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance
