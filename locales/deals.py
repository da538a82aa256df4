"""The default names of a deal's stages, by the stage's stored value (storage.models.DealStage
is a StrEnum, so its members look them up directly).

Below handlers/ and scheduler/ because both name stages: the cards, and the digest's
"在「方案报价」已停留 31 天".
"""

from __future__ import annotations

from locales import N_

STAGE_LABELS: dict[str, str] = {
    "contact": N_("初步接触"),
    "needs": N_("需求确认"),
    "quote": N_("方案报价"),
    "negotiation": N_("商务谈判"),
    "won": N_("赢单"),
    "lost": N_("输单"),
}
