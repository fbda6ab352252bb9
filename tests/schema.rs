//! `baocao schema`: the JSON Schema editors use, checked against the questionnaires that load
//! and the broken ones that must not.

use crate::common::{baocao, path, stdout};

fn schema() -> serde_json::Value {
    let out = baocao(&["schema"]);
    assert!(out.status.success(), "{out:?}");
    serde_json::from_str(&stdout(&out)).expect("the schema is JSON")
}

/// A YAML questionnaire as JSON, the way an editor's YAML extension checks it.
fn as_json(rel: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(path(rel)).expect("readable");
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).expect("YAML");
    serde_json::to_value(yaml).expect("JSON")
}

fn files(dir: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(path(dir))
        .expect("a folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    out.sort();
    out
}

#[test]
fn every_questionnaire_that_loads_is_valid_against_the_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let validator = jsonschema::draft202012::new(&schema).expect("a valid draft 2020-12 schema");
    let mut checked = 0;
    for file in files("questionnaires")
        .into_iter()
        .chain(files("tests/fixtures/valid"))
    {
        baocao::questionnaire::load_path(&path(&file))
            .unwrap_or_else(|e| panic!("{file} loads: {e}"));
        let errors: Vec<String> = validator
            .iter_errors(&as_json(&file))
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{file}:\n{}", errors.join("\n"));
        checked += 1;
    }
    assert!(checked >= 7, "{checked}");
}

#[test]
fn broken_questionnaires_with_shape_errors_are_rejected_by_the_schema() {
    let validator = jsonschema::draft202012::new(&schema()).expect("a valid schema");
    let broken = [
        "unknown-key-top",
        "unknown-key-document",
        "unknown-key-signer",
        "unknown-key-section",
        "unknown-key-question",
        "unknown-key-validate",
        "unknown-key-column",
        "unknown-kind",
        "unknown-numbering",
        "unknown-column-kind",
        "missing-ask",
        "missing-kind",
        "missing-format",
        "missing-document",
        "missing-sections",
        "missing-top-id",
        "missing-question-id",
        "missing-column-title",
        "unsupported-format",
        "wrong-type-ask-list",
        "wrong-type-inline-quoted",
        "wrong-type-questions-map",
        "wrong-type-required-yes",
        "wrong-type-root-list",
        "bad-id-uppercase",
        "bad-id-vietnamese",
        "bad-questionnaire-id",
    ];
    for name in broken {
        let file = format!("tests/fixtures/invalid/{name}.yaml");
        assert!(
            baocao::questionnaire::load_path(&path(&file)).is_err(),
            "{file} is refused by the loader"
        );
        assert!(
            !validator.is_valid(&as_json(&file)),
            "{file} is refused by the schema too"
        );
    }
}

#[test]
fn every_shipped_questionnaire_names_the_schema_for_editors() {
    for file in files("questionnaires") {
        let text = std::fs::read_to_string(path(&file)).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema="),
            "{file} starts with the schema line"
        );
    }
    assert!(path("docs/questionnaire.schema.json").exists());
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(path("docs/questionnaire.schema.json")).unwrap(),
    )
    .unwrap();
    assert!(
        committed == schema(),
        "docs/questionnaire.schema.json is not what `baocao schema` prints \
         (regenerate: baocao schema -o docs/questionnaire.schema.json)"
    );
}
