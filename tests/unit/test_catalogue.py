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
from app.letters.templates import letter_language

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


CALL = re.compile(r"""\b(art|law|recital|judgment)\(([^)]*)\)""")
STRING = re.compile(r"""["']([^"']+)["']""")


def _regime_of(path: Path, lang: str) -> str:
    """The primary regime a template renders under: its regimes/<id>/ folder, else the GDPR."""
    parts = path.relative_to(templates_root() / lang).parts
    return parts[1] if parts[0] == "regimes" else "gdpr"


@pytest.mark.parametrize("lang", available_languages())
def test_every_template_citation_exists_in_the_catalogue(lang):
    catalogue = load_catalogue()
    judgments = {ref for r in catalogue.regimes.values() for ref in r.data.get("judgments", {})}
    checked = 0
    for path in (templates_root() / lang).rglob("*.md"):
        primary = catalogue.regimes[_regime_of(path, lang)]
        for kind, args in CALL.findall(path.read_text(encoding="utf-8")):
            refs = STRING.findall(args)
            if not refs or not args.strip()[:1] in "\"'":
                continue  # a call with variables (law(deadline_act, ...)): checked when composed
            where = f"{path.relative_to(templates_root())}: {kind}({args})"
            if kind == "art":
                assert all(primary.own_ref(r) and primary.has_article(primary.own_ref(r)) for r in refs), where
            elif kind == "law":
                regime = catalogue.regimes[refs[0]]
                assert all(regime.has_article(r) for r in refs[1:]), where
            elif kind == "recital":
                mapped = [primary.data.get("recital_concordance", {}).get(r, r) for r in refs]
                assert all(r in primary.data.get("recitals", {}) for r in mapped), where
            else:
                assert all(r in judgments for r in refs), where
            checked += 1
    assert checked > 50


def test_every_system_resolves_in_every_country_it_serves():
    catalogue = load_catalogue()
    for system in catalogue.systems.values():
        countries = system.countries or sorted(catalogue.supported_countries())
        for country in countries:
            regime = catalogue.regime_for(country, system.id)
            assert regime.kind in ("primary", "policy"), (system.id, country)
            for extra in (system.system_act, *system.additional):
                if extra:
                    assert catalogue.regimes[extra].kind in ("system", "additional"), (system.id, extra)
        # UK letters are written in English only; every other system in every letter language.
        english_only = all(regime.startswith("uk_") for regime in system.regimes.values())
        for lang in ("en",) if english_only else available_languages():
            for document in system.documents:
                assert document in letter_language(lang).documents, (lang, system.id, document)


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
