"""Review and agreement between annotator layers: unit-by-unit comparison and the measures
of DESIGN.md section 8. Pure Python, no Qt and no storage."""

from annotator.agreement.coding import (
    AlphaAgreement,
    CodingAgreement,
    bennett_s_from_table,
    cohen_kappa,
    cohen_kappa_from_table,
    fleiss_kappa,
    fleiss_kappa_from_counts,
    krippendorff_alpha_nominal,
    scott_pi,
    scott_pi_from_table,
)
from annotator.agreement.compare import (
    NO_LABEL,
    AttributeDifference,
    ComparisonUnit,
    ConfusionMatrix,
    LayerComparison,
    RelationStatus,
    RelationUnit,
    UnitStatus,
    compare_layers,
    confusion_matrix,
)
from annotator.agreement.matching import SpanLike
from annotator.agreement.report import (
    AgreementFigures,
    AgreementReport,
    DocumentAgreement,
    DocumentLayers,
    LabelAgreement,
    agreement_report,
)
from annotator.agreement.spans import (
    MatchMode,
    SpanScores,
    mean_pairwise_f1,
    pairwise_span_scores,
    span_scores,
    span_scores_by_label,
)
from annotator.agreement.tokens import token_labels
from annotator.agreement.unitizing import CategoryUnitizing, UnitizingAgreement, unit_distance, unitizing_alpha

__all__ = [
    "NO_LABEL",
    "AgreementFigures",
    "AgreementReport",
    "AlphaAgreement",
    "AttributeDifference",
    "CategoryUnitizing",
    "CodingAgreement",
    "ComparisonUnit",
    "ConfusionMatrix",
    "DocumentAgreement",
    "DocumentLayers",
    "LabelAgreement",
    "LayerComparison",
    "MatchMode",
    "RelationStatus",
    "RelationUnit",
    "SpanLike",
    "SpanScores",
    "UnitStatus",
    "UnitizingAgreement",
    "agreement_report",
    "bennett_s_from_table",
    "cohen_kappa",
    "cohen_kappa_from_table",
    "compare_layers",
    "confusion_matrix",
    "fleiss_kappa",
    "fleiss_kappa_from_counts",
    "krippendorff_alpha_nominal",
    "mean_pairwise_f1",
    "pairwise_span_scores",
    "scott_pi",
    "scott_pi_from_table",
    "span_scores",
    "span_scores_by_label",
    "token_labels",
    "unit_distance",
    "unitizing_alpha",
]
