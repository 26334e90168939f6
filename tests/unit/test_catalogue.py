"""The catalogue: schema-checked, every fact sourced, every template citation known."""
import copy
import re
import shutil
from pathlib import Path

import pytest
import yaml

from app.catalogue import CatalogueError, load_catalogue
from app.catalogue.loader import DATA
from app.letters.compose import available_languages, templates_root

SHARED_TITLES = Path(__file__).resolve().parents[3] / "shared" / "docs" / "gdpr-article-titles.tsv"


def test_loads():
    catalogue = load_catalogue()
    assert "gdpr" in catalogue.regimes
    assert catalogue.regime_for("DE").short("de") == "DSGVO"


def _facts(node, path=""):
    if isinstance(node, dict):
        if "verified" in node:
            yield path, node
        for key, value in node.items():
            yield from _facts(value, f"{path}.{key}")


def test_every_fact_has_sources_and_a_mark():
    catalogue = load_catalogue()
    for regime in catalogue.regimes.values():
        facts = list(_facts(regime.data))
        assert len(facts) > (10 if regime.kind == "primary" else 2), regime.id
        for path, fact in facts:
            assert fact["sources"], path
            assert fact["verified"] in ("V", "S", "U"), path
            assert set(fact["sources"]) <= set(catalogue.sources), path


def test_every_country_resolves_to_a_regime_and_holidays():
    import holidays
    catalogue = load_catalogue()
    for code, country in catalogue.countries.items():
        assert catalogue.regime_for(code).kind == "primary", code
        if country.holidays is not None:
            code_, _, subdiv = country.holidays.partition("-")
            assert holidays.country_holidays(code_, subdiv=subdiv or None, years=2026), code


@pytest.mark.skipif(not SHARED_TITLES.exists(), reason="shared/ not beside the checkout")
def test_titles_match_the_official_table():
    assert (DATA / "gdpr-article-titles.tsv").read_text() == SHARED_TITLES.read_text()


@pytest.mark.parametrize("lang", available_languages())
def test_every_template_citation_exists_in_the_catalogue(lang):
    regime = load_catalogue().regimes["gdpr"]
    calls = re.compile(r"""\b(art|recital|judgment)\(([^)]*)\)""")
    for path in (templates_root() / lang).rglob("*.md"):
        for kind, args in calls.findall(path.read_text(encoding="utf-8")):
            for ref in re.findall(r"""["']([^"']+)["']""", args):
                if kind == "art":
                    assert regime.has_article(ref), f"{path.name}: Art. {ref}"
                elif kind == "recital":
                    assert ref in regime.data["recitals"], f"{path.name}: Recital {ref}"
                else:
                    assert ref in regime.data["judgments"], f"{path.name}: {ref}"


@pytest.mark.parametrize("breakage, message", [
    (lambda r: r.pop("deadline"), "deadline"),
    (lambda r: r["articles"]["15"].update(sources=["NOPE"]), "unknown source"),
    (lambda r: r["rights"].pop("erasure"), "erasure"),
    (lambda r: r["articles"]["15"].update(verified="maybe"), "maybe"),
])
def test_a_broken_catalogue_stops_loading(tmp_path, breakage, message):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "regimes" / "gdpr.yaml"
    regime = yaml.safe_load(path.read_text())
    broken = copy.deepcopy(regime)
    breakage(broken)
    path.write_text(yaml.safe_dump(broken, allow_unicode=True))
    with pytest.raises(CatalogueError, match=message):
        load_catalogue.__wrapped__(data)
