//! The README's picture of the wizard, made from its real screen.
//!
//! The wizard is drawn into a `TestBackend` with the Ba Dinh answers, on a paragraph question,
//! in the colour theme; the buffer is written out as SVG (one `<text>` per run of cells with
//! the same style). The test fails when `docs/wizard.svg` differs from what the wizard draws
//! now, so the picture cannot go stale; `BAOCAO_BLESS=1 cargo test screenshot` rewrites it.

use std::fmt::Write as _;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use baocao::tui::action::Action;
use baocao::tui::app::App;
use baocao::tui::theme::Theme;
use baocao::tui::view;

const CELL_W: f64 = 8.4;
const CELL_H: f64 = 18.0;
const FG: &str = "#d4d4d4";
const BG: &str = "#1e1e1e";

fn hex(color: Color, default: &'static str) -> &'static str {
    match color {
        Color::Black => "#000000",
        Color::Red => "#cd3131",
        Color::Green => "#0dbc79",
        Color::Yellow => "#e5e510",
        Color::Blue => "#2472c8",
        Color::Magenta => "#bc3fbc",
        Color::Cyan => "#11a8cd",
        Color::Gray => "#e5e5e5",
        Color::DarkGray => "#666666",
        Color::LightRed => "#f14c4c",
        Color::LightGreen => "#23d18b",
        Color::LightYellow => "#f5f543",
        Color::LightBlue => "#3b8eea",
        Color::LightMagenta => "#d670d6",
        Color::LightCyan => "#29b8db",
        Color::White => "#ffffff",
        _ => default,
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The buffer as an SVG picture of a dark terminal.
fn svg(buffer: &Buffer) -> String {
    let area = buffer.area;
    let width = f64::from(area.width) * CELL_W;
    let height = f64::from(area.height) * CELL_H;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"'DejaVu Sans Mono', Menlo, Consolas, monospace\" \
         font-size=\"14\">\n<rect width=\"100%\" height=\"100%\" fill=\"{BG}\"/>\n"
    );
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let cell = &buffer[(x, y)];
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (hex(cell.fg, FG), hex(cell.bg, BG));
            if reversed {
                std::mem::swap(&mut fg, &mut bg);
            }
            // A run of cells with the same look.
            let start = x;
            let mut text = String::new();
            while x < area.width {
                let c = &buffer[(x, y)];
                if c.fg != cell.fg || c.bg != cell.bg || c.modifier != cell.modifier {
                    break;
                }
                text.push_str(c.symbol());
                x += 1;
            }
            let px = f64::from(start) * CELL_W;
            let py = f64::from(y) * CELL_H;
            let run = f64::from(x - start) * CELL_W;
            if bg != BG {
                let _ = writeln!(
                    out,
                    "<rect x=\"{px:.1}\" y=\"{py:.1}\" width=\"{run:.1}\" height=\"{CELL_H}\" fill=\"{bg}\"/>"
                );
            }
            if text.trim().is_empty() {
                continue;
            }
            let mut attrs = format!("fill=\"{fg}\"");
            if cell.modifier.contains(Modifier::BOLD) {
                attrs.push_str(" font-weight=\"bold\"");
            }
            if cell.modifier.contains(Modifier::ITALIC) {
                attrs.push_str(" font-style=\"italic\"");
            }
            if cell.modifier.contains(Modifier::DIM) {
                attrs.push_str(" opacity=\"0.65\"");
            }
            if cell.modifier.contains(Modifier::UNDERLINED) {
                attrs.push_str(" text-decoration=\"underline\"");
            }
            if cell.modifier.contains(Modifier::CROSSED_OUT) {
                attrs.push_str(" text-decoration=\"line-through\"");
            }
            let _ = writeln!(
                out,
                "<text x=\"{px:.1}\" y=\"{:.1}\" textLength=\"{run:.1}\" lengthAdjust=\"spacingAndGlyphs\" \
                 xml:space=\"preserve\" {attrs}>{}</text>",
                py + CELL_H * 0.75,
                escape(&text)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

/// The wizard on the Ba Dinh answers, on the first paragraph question, saved.
fn screen() -> Buffer {
    let q = baocao::questionnaire::builtin().expect("built-in questionnaire");
    let path = crate::common::path("questionnaires/examples/ba-dinh.answers.yaml");
    let answers = baocao::answers::load(&path, &q).expect("Ba Dinh answers");
    let paragraph = q
        .questions
        .iter()
        .position(|question| {
            matches!(
                question.kind,
                baocao::questionnaire::QuestionKind::Paragraph
            ) && answers.get(&question.id).is_some()
        })
        .expect("a paragraph answer");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Arc::new(q), answers, dir.path().join("a.answers.yaml"));
    app.go_to(paragraph);
    // As if the background writer had saved: the title bar shows the time.
    let _job = app.take_save_job();
    app.update(Action::Saved(Ok("10:42:13".into())));
    let mut terminal = Terminal::new(TestBackend::new(120, 34)).expect("terminal");
    terminal
        .draw(|f| view::draw(f, &app, &Theme::color()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

#[test]
fn the_readme_picture_is_the_real_screen() {
    let picture = svg(&screen());
    let file = crate::common::path("docs/wizard.svg");
    if std::env::var_os("BAOCAO_BLESS").is_some() {
        std::fs::write(&file, &picture).expect("write docs/wizard.svg");
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == picture,
        "docs/wizard.svg is not what the wizard draws now; run `BAOCAO_BLESS=1 cargo test screenshot` and look at it"
    );
}
