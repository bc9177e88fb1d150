"""The region table planners export: counties with the measures, corridors and platforms that reach them."""

from __future__ import annotations

import pandas as pd

from .policy import join
from .projects import links_by_county


def with_links(counties: pd.DataFrame) -> pd.DataFrame:
    """Counties plus measure_count, measure_ids, corridors and platforms; same rows, same order."""
    out = join.with_measures(counties)
    links = links_by_county()
    out["corridors"] = out.adcode.map(links.corridors).fillna("")
    out["platforms"] = out.adcode.map(links.platforms).fillna("")
    return out
