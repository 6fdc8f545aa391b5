//! The importer on real, openly licensed JATS files (see
//! `tests/fixtures/jats/real/SOURCES.md`).

use std::path::Path;

use catalogue::Catalogue;
use serde_json::json;

fn import_real(name: &str) -> jats_import::Imported {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/jats/real")
        .join(name);
    let xml = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    jats_import::import(&xml, name).unwrap()
}

/// The article, in a catalogue of its own, loads and draws no warning.
fn loads_without_warnings(imported: &jats_import::Imported) {
    let catalogue = json!({ "format": "abstract-catalogue/1", "journal": imported.journal, "articles": [imported.article] });
    let (_, warnings) = Catalogue::check_json(&catalogue.to_string()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn elife_00003() {
    let imported = import_real("elife-00003-v1-front.xml");
    let a = &imported.article;
    assert_eq!(a["id"], "2012-1-e00003");
    assert_eq!(a["doi"], "10.7554/eLife.00003");
    assert_eq!(
        a["journal"],
        json!({ "title": { "en": "eLife" }, "eissn": "2050-084X" })
    );
    assert_eq!(
        a["title"],
        json!({ "en": "A novel role for lipid droplets in the organismal antibacterial response" })
    );
    assert_eq!(
        (a["year"].clone(), a["volume"].clone(), a["pages"].clone()),
        (json!(2012), json!("1"), json!("e00003"))
    );
    assert_eq!(
        a["dates"],
        json!({ "received": "2012-06-20", "accepted": "2012-09-05", "online": "2012-11-13", "published": "2012" })
    );
    let authors = a["authors"].as_array().unwrap();
    assert_eq!(authors.len(), 11, "the reviewing editor is not an author");
    assert_eq!(
        authors[0],
        json!({ "name": { "en": "Preetha Anand" }, "affiliations": [1] })
    );
    assert_eq!(authors[6]["affiliations"], json!([1, 4]));
    assert_eq!(
        authors[10],
        json!({ "name": { "en": "Steven P Gross" }, "affiliations": [1], "corresponding": true })
    );
    let affiliations = a["affiliations"].as_array().unwrap();
    assert_eq!(
        affiliations.len(),
        6,
        "the editor's affiliation is not the article's"
    );
    assert_eq!(
        affiliations[2],
        json!({ "id": 3, "name": { "en": "Equip de Proliferació i Senyalització Cel.lular, Institut d'Investigacions Biomèdiques August Pi i Sunyer (IDIBAPS), Barcelona, Spain" } })
    );
    let abstract_en = a["abstract"]["en"].as_str().unwrap();
    assert!(
        abstract_en
            .starts_with("We previously discovered histones bound to cytosolic lipid droplets")
    );
    assert!(abstract_en.contains("injected into <i>Drosophila</i> embryos"));
    assert!(
        !abstract_en.contains("eLife digest"),
        "the digest is not the abstract"
    );
    assert_eq!(a["keywords"]["en"][4], "<i>B. subtilis</i>");
    assert_eq!(
        a["funding"][1],
        json!({ "name": { "en": "Spanish Ministerio de Ciencia e Innovación" }, "award": "BFU2011-23745" })
    );
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);

    loads_without_warnings(&imported);
}

#[test]
fn scielo_transinformacao_33_e200068() {
    let imported = import_real("scielo-tinf-33-e200068-front.xml");
    let a = &imported.article;
    assert_eq!(a["id"], "2021-33-e200068");
    assert_eq!(
        a["journal"],
        json!({ "title": { "en": "Transinformação" }, "issn": "0103-3786", "eissn": "2318-0889" })
    );
    assert_eq!(
        a["title"]["en"],
        "The intellectual foundation of the elite of Brazilian researchers on knowledge organization domain"
    );
    assert_eq!(
        a["title"]["pt"],
        "Bases intelectuais da elite de pesquisadores brasileiros no domínio da organização do conhecimento"
    );
    assert_eq!(
        a["authors"][0],
        json!({
            "name": { "en": "Paula Carina de ARAÚJO" }, "affiliations": [1, 2], "orcid": "0000-0003-4608-752X", "corresponding": true
        })
    );
    assert_eq!(
        a["affiliations"][2],
        json!({ "id": 3, "name": { "en": "Universidade Federal da Paraíba, Programa de Pós-Graduação em Ciência da Informação. João Pessoa, PB, Brasil." } })
    );
    assert_eq!(
        a["dates"],
        json!({ "received": "2020-10-27", "revised": "2021-01-21", "accepted": "2021-02-22", "online": "2021-04-09", "published": "2021" })
    );
    assert_eq!(a["pages"], "e200068");
    assert!(
        a["abstract"]["en"]
            .as_str()
            .unwrap()
            .contains("The <i>corpus</i> of analysis")
    );
    assert!(
        a["abstract"]["pt"]
            .as_str()
            .unwrap()
            .starts_with("Este trabalho tem como objetivo")
    );
    assert_eq!(a["keywords"]["pt"][3], "Acoplamento Bibliográfico");
    assert_eq!(a["keywords"]["en"].as_array().unwrap().len(), 4);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    loads_without_warnings(&imported);
}

/// Whole articles as published (see SOURCES.md): they import without
/// warnings from the importer, load in the reader, and keep what matters.
#[test]
fn whole_real_articles() {
    let cases = [
        (
            "scielo-mediacoes-es-pt-en.xml",
            "2019-24-1-74",
            &["es", "pt", "en"][..],
            &["es", "en"][..],
            2,
            2,
        ),
        (
            "scielo-bjb-en-pt.xml",
            "2023-83-e246904",
            &["en", "pt"][..],
            &["en", "pt"][..],
            12,
            6,
        ),
        (
            "elife-05031.xml",
            "2014-3-e05031",
            &["en"][..],
            &["en"][..],
            9,
            4,
        ),
        (
            "plos-pone-0100977.xml",
            "2014-9-7-e100977",
            &["en"][..],
            &["en"][..],
            3,
            3,
        ),
    ];
    for (file, id, titles, abstracts, authors, affiliations) in cases {
        let imported = import_real(file);
        let a = &imported.article;
        assert_eq!(a["id"], id, "{file}");
        let keys =
            |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&a["title"]), titles, "{file}: title languages");
        assert_eq!(
            keys(&a["abstract"]),
            abstracts,
            "{file}: abstract languages"
        );
        assert_eq!(
            a["authors"].as_array().unwrap().len(),
            authors,
            "{file}: authors"
        );
        assert_eq!(
            a["affiliations"].as_array().unwrap().len(),
            affiliations,
            "{file}: affiliations"
        );
        assert!(
            imported.warnings.is_empty(),
            "{file}: {:?}",
            imported.warnings
        );
        let catalogue = json!({ "format": "abstract-catalogue/1", "journal": imported.journal, "articles": [a] });
        Catalogue::from_json(&catalogue.to_string()).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    let plos = import_real("plos-pone-0100977.xml");
    assert!(
        plos.article["affiliations"]
            .to_string()
            .contains("Southern Regional Research Center")
    );
    assert!(
        !plos.article["affiliations"]
            .to_string()
            .contains("SRI International"),
        "the editor's affiliation"
    );
    let elife = import_real("elife-05031.xml");
    assert_eq!(elife.article["funding"].as_array().unwrap().len(), 7);
    let bjb = import_real("scielo-bjb-en-pt.xml");
    assert!(
        bjb.article["abstract"]["en"]
            .as_str()
            .unwrap()
            .contains("<i>Salvia santolinifolia</i>")
    );
}
