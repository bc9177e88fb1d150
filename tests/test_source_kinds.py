"""A row's kind of source is read from its hosts: official, press, reference work or secondary."""

import pytest

from borderdash.source_kinds import host_kind, source_kind


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("www.gov.cn", "official"),
        ("xjtc.gov.cn", "official"),
        ("world.people.com.cn", "press"),
        ("news.cn", "press"),
        ("zh.wikipedia.org", "reference"),
        ("www2.tvboxnow.com", "secondary"),
        ("zh.m.wiki.x.io", "secondary"),
        ("notgov.cn", "secondary"),
    ],
)
def test_hosts_are_classified_by_their_table(host, kind):
    assert host_kind(host) == kind


def test_a_row_counts_as_its_best_citation():
    both = "https://www2.tvboxnow.com/x (forum) | http://covid-19.chinadaily.com.cn/china/2016-11/06/content_27287887.htm (China Daily)"
    assert source_kind(both) == "press"


def test_a_document_cited_by_its_number_is_official_without_an_address():
    assert source_kind("国函〔2015〕141号《国务院关于同意设立云南滇中新区的批复》") == "official"
    assert source_kind("count arithmetic (140 − other provinces)") == "secondary"
