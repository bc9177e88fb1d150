"""What kind of source a register row cites — official, press, reference work or secondary — read from its hosts.

A row is as strong as its best citation: a government page or the text of a document beats a newspaper, a newspaper
beats a reference work, and anything else (forums, wiki mirrors, travel and content-farm pages) is secondary.
"""

from __future__ import annotations

import re

KINDS = ("official", "press", "reference", "secondary")

HOST_KINDS = {
    # governments and their bodies
    "gov.cn": "official",
    "caop.org.cn": "official",  # China Port Association, under the customs administration
    # newspapers, news agencies and broadcasters (their own sites)
    "people.com.cn": "press",
    "people.cn": "press",
    "chinadaily.com.cn": "press",
    "xinhuanet.com": "press",
    "news.cn": "press",
    "chinanews.com": "press",
    "chinanews.com.cn": "press",
    "china.com.cn": "press",
    "china.org.cn": "press",
    "china.com": "press",
    "cri.cn": "press",
    "cctv.com": "press",
    "ifeng.com": "press",
    "news.sina.com.cn": "press",
    "gx.sina.com.cn": "press",
    "finance.sina.com.cn": "press",
    "inews.qq.com": "press",
    "thepaper.cn": "press",
    "cnstock.com": "press",
    "ettoday.net": "press",
    "cyol.com": "press",
    "ts.cn": "press",
    "cnjiwang.com": "press",
    "dbw.cn": "press",
    "jlcxwb.com.cn": "press",
    "bingtuannet.com": "press",
    "haiwainet.cn": "press",
    "huaxia.com": "press",
    "qianlong.com": "press",
    "crntt.com": "press",
    "xinmin.cn": "press",
    "qingdaonews.com": "press",
    "jjckb.cn": "press",
    "xkb.com.cn": "press",
    "ycwb.com": "press",
    "newsgd.com": "press",
    "ngzb.com.cn": "press",
    "sputniknews.cn": "press",
    "hk.news.yahoo.com": "press",
    "nknews.org": "press",
    "cinic.org.cn": "press",
    "tibet.cn": "press",
    "hebei.com.cn": "press",
    "fjsen.com": "press",
    "gmw.cn": "press",
    "wsnews.com.cn": "press",
    "yybnet.net": "press",
    "vnanet.vn": "press",
    "hellotw.com": "press",
    # encyclopaedias, books, journals, yearbooks and data reprints
    "wikipedia.org": "reference",
    "wikiwand.com": "reference",
    "pishu.com.cn": "reference",
    "chaoxing.com": "reference",
    "fx361.cc": "reference",
    "librarydata.cn": "reference",
    "zhangyue.com": "reference",
    "github.com": "reference",
    "117.78.9.86:8080": "reference",  # 黑龙江年鉴 (provincial yearbook) server
    "218.28.6.71:81": "reference",  # periodicals database
}
"""Hosts by kind; a host matches itself and its subdomains. Hosts not listed are secondary."""

DOCUMENT = re.compile(r"\bseed 00\d\b|国函〔|国发〔|国办发〔|\bim-2023\b|Regulations of the Inner Mongolia|GB/T \d+")
"""A citation of a document's own text (the seeds, a State Council reply or opinion, a national standard) without an
address: official."""

_URL_HOST = re.compile(r"https?://([^/\s|;)\"]+)", re.IGNORECASE)


def host_kind(host: str) -> str:
    """The kind of a host (www. and subdomains of a listed host take its kind)."""
    host = host.lower()
    labels = host.split(".")
    for i in range(len(labels)):
        kind = HOST_KINDS.get(".".join(labels[i:]))
        if kind:
            return kind
    return "secondary"


def kinds_cited(source: str) -> set[str]:
    """Every kind a source text cites: one per address, official for a document cited by its number."""
    text = str(source or "")
    kinds = {host_kind(h) for h in _URL_HOST.findall(text)}
    if DOCUMENT.search(text):
        kinds.add("official")
    return kinds


def source_kind(source: str) -> str:
    """The best kind a row's source cites (secondary when it cites nothing classifiable)."""
    kinds = kinds_cited(source)
    return next((k for k in KINDS if k in kinds), "secondary")
