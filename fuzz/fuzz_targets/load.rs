//! Arbitrary bytes as a questionnaire file: loading must never panic, and whatever loads must
//! build and render a report from empty answers without panicking.

#![no_main]

use baocao::answers::Answers;
use baocao::questionnaire;
use baocao::report::{self, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(q) = questionnaire::load_bytes("fuzz.yaml", data) else {
        return;
    };
    let answers = Answers::new();
    // A template may legitimately fail on real (here: empty) answers; that is an error, not a
    // panic.
    let _ = report::problems(&q, &answers);
    if let Ok(doc) = report::build(&q, &answers) {
        for format in [Format::Text, Format::Markdown] {
            for full in [true, false] {
                let _ = report::render(&doc, format, full);
            }
        }
    }
});
