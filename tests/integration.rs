//! The integration tests, as one test binary (one link, one run).

mod answers_file;
mod answers_yaml;
mod architecture;
mod cli;
mod common;
mod golden;
mod guide_example;
mod guide_reference;
mod hostile_input;
mod hostile_output;
mod hostile_templates;
mod lint;
mod plain;
mod preview;
mod questionnaire_load;
mod report_build;
mod report_docx;
mod schema;
mod screenshot;
mod seed;
mod sessions;
mod tui_app;
mod tui_crash;
mod tui_pty;
mod tui_render;
mod windows;
