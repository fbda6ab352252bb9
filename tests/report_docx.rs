//! The Word output (`render --format docx`): the package, the page, the NĐ 30 frame, the body,
//! the bytes; read back with docx-rs; printed to PDF by LibreOffice where it is installed (CI
//! must have it).
//!
//! Expected figures come from the decree (NĐ 30/2020/NĐ-CP, Phụ lục I), converted here —
//! 1 mm = 1440 / 25.4 twips — not from the writer's constants.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use baocao::report::docx::page;
use baocao::report::{self, Block, BodySize, Document, FrameText, Lead, TableBlock};
use roxmltree::Node;
use unicode_normalization::UnicodeNormalization;

use crate::common::{self, baocao, stderr};

const CT1322: &str = "questionnaires/ct1322-so-ket-2021-2025.yaml";
const BA_DINH: &str = "questionnaires/examples/ba-dinh.answers.yaml";
const AN_PHU: &str = "questionnaires/examples/an-phu.answers.yaml";
const ATTP: &str = "questionnaires/attp-hang-nam.yaml";
const TAN_HOA: &str = "questionnaires/examples/attp-tan-hoa.answers.yaml";
/// Every example: questionnaire, answers.
const CASES: [(&str, &str); 3] = [(CT1322, BA_DINH), (CT1322, AN_PHU), (ATTP, TAN_HOA)];

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_NS: &str = "http://schemas.openxmlformats.org/package/2006/content-types";

const TNR: &str = "Times New Roman";
const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
const LIBERATION_BOLD: &str = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf";

// ----- Units -----------------------------------------------------------------------------------

/// Twips in `mm` millimetres.
fn twips(mm: f64) -> f64 {
    mm * 1440.0 / 25.4
}

/// Millimetres in `t` twips.
fn mm(t: impl Into<f64>) -> f64 {
    t.into() * 25.4 / 1440.0
}

/// Asserts `got` twips lie within `lo..=hi` millimetres, one twip of rounding allowed.
fn assert_mm(what: &str, got: u32, lo: f64, hi: f64) {
    let g = f64::from(got);
    assert!(
        g >= twips(lo) - 1.0 && g <= twips(hi) + 1.0,
        "{what}: {got} twips = {:.2} mm, NĐ 30 wants {lo}–{hi} mm",
        mm(got)
    );
}

// ----- Producing files -------------------------------------------------------------------------

/// `baocao render q --answers a --format docx -o FILE extra…`, the file's bytes.
fn render(q: &str, a: &str, extra: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("out.docx");
    let file_arg = file.to_str().expect("utf-8 path");
    let mut args = vec![
        "render",
        q,
        "--answers",
        a,
        "--format",
        "docx",
        "-o",
        file_arg,
    ];
    args.extend_from_slice(extra);
    let out = baocao(&args);
    assert!(
        out.status.success(),
        "render {a} {extra:?} failed: {}",
        stderr(&out)
    );
    std::fs::read(&file).expect("the .docx was written")
}

/// The text rendering, body only: the lines the Word body must hold, in order.
fn body_text(q: &str, a: &str) -> String {
    let out = baocao(&["render", q, "--answers", a, "--body-only"]);
    assert!(out.status.success(), "render failed: {}", stderr(&out));
    common::stdout(&out)
}

/// The document the library builds from the example answers.
fn build(q: &str, a: &str) -> Document {
    let q = common::questionnaire(q);
    let answers = baocao::answers::load(&common::path(a), &q).expect("the answers load");
    report::build(&q, &answers).expect("the report builds")
}

// ----- Reading the package ---------------------------------------------------------------------

/// The parts of a zip, by name, in the zip's order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("a zip entry");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("the entry inflates");
            (f.name().to_owned(), data)
        })
        .collect()
}

/// A .docx taken apart: its parts, the body as items, the section.
struct Docx {
    parts: BTreeMap<String, Vec<u8>>,
    items: Vec<Item>,
    section: Section,
}

impl Docx {
    fn new(bytes: &[u8]) -> Self {
        assert!(bytes.starts_with(b"PK\x03\x04"), "not a zip file");
        let parts: BTreeMap<String, Vec<u8>> = unzip(bytes).into_iter().collect();
        let xml = part_text(&parts, "word/document.xml");
        let doc = roxmltree::Document::parse(&xml).expect("word/document.xml is well-formed");
        let body = w_child(doc.root_element(), "body").expect("w:body");
        let mut items = Vec::new();
        let mut section = None;
        for n in body.children().filter(Node::is_element) {
            match n.tag_name().name() {
                "p" => items.push(Item::P(para(n))),
                "tbl" => items.push(Item::T(table(n))),
                "sectPr" => section = Some(section_of(n)),
                other => panic!("unexpected <w:{other}> in the body"),
            }
        }
        Docx {
            parts,
            items,
            section: section.expect("the body ends with w:sectPr"),
        }
    }

    fn xml(&self, name: &str) -> String {
        part_text(&self.parts, name)
    }

    /// Top-level paragraphs.
    fn paragraphs(&self) -> impl Iterator<Item = &Para> {
        self.items.iter().filter_map(|i| match i {
            Item::P(p) => Some(p),
            Item::T(_) => None,
        })
    }

    /// Top-level tables.
    fn tables(&self) -> impl Iterator<Item = &Table> {
        self.items.iter().filter_map(|i| match i {
            Item::T(t) => Some(t),
            Item::P(_) => None,
        })
    }

    /// Every paragraph, in tables too.
    fn all_paragraphs(&self) -> Vec<&Para> {
        let mut out = Vec::new();
        for item in &self.items {
            match item {
                Item::P(p) => out.push(p),
                Item::T(t) => out.extend(t.paragraphs()),
            }
        }
        out
    }

    /// The part a relationship id of document.xml points at.
    fn related(&self, id: &str) -> String {
        let rels = self.xml("word/_rels/document.xml.rels");
        let doc = roxmltree::Document::parse(&rels).expect("rels parse");
        let target = doc
            .root_element()
            .children()
            .filter(Node::is_element)
            .find(|r| r.attribute("Id") == Some(id))
            .and_then(|r| r.attribute("Target"))
            .unwrap_or_else(|| panic!("no relationship {id}"));
        resolve("word/document.xml", target)
    }

    /// The header part of a type ("default", "first").
    fn header(&self, kind: &str) -> Vec<Para> {
        let id = self
            .section
            .headers
            .iter()
            .find(|(t, _)| t == kind)
            .map_or_else(
                || panic!("no {kind} header reference"),
                |(_, id)| id.clone(),
            );
        let xml = self.xml(&self.related(&id));
        let doc = roxmltree::Document::parse(&xml).expect("the header is well-formed");
        assert_eq!(doc.root_element().tag_name().name(), "hdr");
        doc.root_element()
            .children()
            .filter(|n| is_w(*n, "p"))
            .map(para)
            .collect()
    }
}

fn part_text(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    let bytes = parts
        .get(name)
        .unwrap_or_else(|| panic!("the package has no {name}"));
    String::from_utf8(bytes.clone()).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"))
}

/// A relationship target, relative to the part `source`, as a zip entry name.
fn resolve(source: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_owned();
    }
    let mut path: Vec<&str> = source.split('/').collect();
    path.pop();
    for seg in target.split('/') {
        match seg {
            ".." => {
                path.pop();
            }
            "." | "" => {}
            s => path.push(s),
        }
    }
    path.join("/")
}

#[derive(Debug, Clone)]
enum Item {
    P(Para),
    T(Table),
}

/// One run's text and properties.
#[derive(Debug, Clone, Default)]
struct Run {
    text: String,
    size: Option<u32>,
    size_cs: Option<u32>,
    bold: bool,
    italic: bool,
    underline: bool,
    /// ascii, hAnsi, eastAsia, cs.
    fonts: [Option<String>; 4],
    /// "begin", "separate", "end" for a w:fldChar.
    field_char: Option<String>,
    instr: Option<String>,
    /// w:tab elements.
    tabs: usize,
}

/// One paragraph's text and properties.
#[derive(Debug, Clone, Default)]
struct Para {
    text: String,
    runs: Vec<Run>,
    jc: Option<String>,
    keep_next: bool,
    /// Paragraph borders: side → (val, size in eighths of a point).
    borders: BTreeMap<String, (String, u32)>,
    before: u32,
    after: u32,
    line: Option<u32>,
    line_rule: Option<String>,
    left: i32,
    right: i32,
    /// Positive: first-line indent; negative: hanging.
    first: i32,
    mark_size: Option<u32>,
}

impl Para {
    /// Text runs (not field characters).
    fn text_runs(&self) -> impl Iterator<Item = &Run> {
        self.runs.iter().filter(|r| !r.text.is_empty())
    }

    /// An empty paragraph drawn as a line: a top border and nothing else.
    fn is_rule(&self) -> bool {
        self.text.is_empty()
            && self.runs.is_empty()
            && self
                .borders
                .get("top")
                .is_some_and(|(v, sz)| v == "single" && *sz > 0)
    }

    fn all(&self, f: impl Fn(&Run) -> bool) -> bool {
        self.text_runs().count() > 0 && self.text_runs().all(f)
    }

    fn sizes(&self) -> BTreeSet<Option<u32>> {
        self.text_runs().map(|r| r.size).collect()
    }
}

#[derive(Debug, Clone, Default)]
struct Table {
    grid: Vec<u32>,
    width: Option<(u32, String)>,
    /// tblBorders: side → (val, size).
    borders: BTreeMap<String, (String, u32)>,
    /// tblCellMar left and right, when given.
    margins: (Option<u32>, Option<u32>),
    rows: Vec<Row>,
}

#[derive(Debug, Clone, Default)]
struct Row {
    header: bool,
    cells: Vec<Cell>,
}

#[derive(Debug, Clone, Default)]
struct Cell {
    width: Option<u32>,
    borders: BTreeMap<String, (String, u32)>,
    paras: Vec<Para>,
}

impl Cell {
    fn text(&self) -> String {
        collapse(
            &self
                .paras
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// Paragraphs with text.
    fn lines(&self) -> Vec<&Para> {
        self.paras.iter().filter(|p| !p.text.is_empty()).collect()
    }
}

impl Table {
    const SIDES: [&'static str; 6] = ["top", "left", "bottom", "right", "insideH", "insideV"];

    /// No border at all: the frame's layout tables.
    fn is_borderless(&self) -> bool {
        let none = |b: &BTreeMap<String, (String, u32)>| {
            b.values().all(|(v, _)| v == "nil" || v == "none")
        };
        Self::SIDES.iter().all(|s| {
            self.borders
                .get(*s)
                .is_some_and(|(v, _)| v == "nil" || v == "none")
        }) && self
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .all(|c| none(&c.borders))
    }

    /// Every border a visible line: a data table.
    fn is_ruled(&self) -> bool {
        Self::SIDES.iter().all(|s| {
            self.borders
                .get(*s)
                .is_some_and(|(v, sz)| v == "single" && *sz >= 2)
        })
    }

    fn paragraphs(&self) -> impl Iterator<Item = &Para> {
        self.rows
            .iter()
            .flat_map(|r| &r.cells)
            .flat_map(|c| &c.paras)
    }

    fn texts(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::text).collect())
            .collect()
    }

    /// The room for text in a cell: its width less the cell margins.
    fn room(&self, cell: &Cell) -> u32 {
        // Without tblCellMar, TableNormal's 108 twips (1.9 mm) a side apply.
        let (l, r) = self.margins;
        cell.width.expect("tcW") - l.unwrap_or(108) - r.unwrap_or(108)
    }
}

#[derive(Debug, Clone, Default)]
struct Section {
    width: u32,
    height: u32,
    orient: Option<String>,
    top: u32,
    right: u32,
    bottom: u32,
    left: u32,
    header: u32,
    footer: u32,
    gutter: u32,
    title_pg: bool,
    /// (type, r:id).
    headers: Vec<(String, String)>,
    footers: usize,
}

fn is_w(n: Node, name: &str) -> bool {
    n.is_element() && n.tag_name().namespace() == Some(W_NS) && n.tag_name().name() == name
}

fn w_child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is_w(*c, name))
}

fn w_attr<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attribute((W_NS, name))
}

fn w_num<T: std::str::FromStr>(n: Node, name: &str) -> Option<T> {
    w_attr(n, name).map(|v| {
        v.parse()
            .unwrap_or_else(|_| panic!("w:{name}=\"{v}\" is not a number"))
    })
}

/// An on/off property: present and not switched off.
fn on(n: Option<Node>) -> bool {
    n.is_some_and(|n| !matches!(w_attr(n, "val"), Some("0" | "false" | "off")))
}

fn borders(n: Option<Node>) -> BTreeMap<String, (String, u32)> {
    n.map(|b| {
        b.children()
            .filter(Node::is_element)
            .map(|s| {
                (
                    s.tag_name().name().to_owned(),
                    (
                        w_attr(s, "val").unwrap_or("").to_owned(),
                        w_num(s, "sz").unwrap_or(0),
                    ),
                )
            })
            .collect()
    })
    .unwrap_or_default()
}

fn run_props(rpr: Option<Node>) -> Run {
    let mut r = Run::default();
    let Some(rpr) = rpr else { return r };
    r.size = w_child(rpr, "sz").and_then(|n| w_num(n, "val"));
    r.size_cs = w_child(rpr, "szCs").and_then(|n| w_num(n, "val"));
    r.bold = on(w_child(rpr, "b"));
    r.italic = on(w_child(rpr, "i"));
    r.underline = w_child(rpr, "u").is_some_and(|u| w_attr(u, "val") != Some("none"));
    if let Some(f) = w_child(rpr, "rFonts") {
        r.fonts = ["ascii", "hAnsi", "eastAsia", "cs"].map(|a| w_attr(f, a).map(str::to_owned));
    }
    r
}

fn para(p: Node) -> Para {
    let mut out = Para::default();
    if let Some(ppr) = w_child(p, "pPr") {
        out.jc = w_child(ppr, "jc").and_then(|j| w_attr(j, "val").map(str::to_owned));
        out.keep_next = on(w_child(ppr, "keepNext"));
        out.borders = borders(w_child(ppr, "pBdr"));
        if let Some(s) = w_child(ppr, "spacing") {
            out.before = w_num(s, "before").unwrap_or(0);
            out.after = w_num(s, "after").unwrap_or(0);
            out.line = w_num(s, "line");
            out.line_rule = w_attr(s, "lineRule").map(str::to_owned);
        }
        if let Some(i) = w_child(ppr, "ind") {
            out.left = w_num(i, "left").or_else(|| w_num(i, "start")).unwrap_or(0);
            out.right = w_num(i, "right").or_else(|| w_num(i, "end")).unwrap_or(0);
            out.first = w_num::<i32>(i, "firstLine")
                .or_else(|| w_num::<i32>(i, "hanging").map(|h| -h))
                .unwrap_or(0);
        }
        out.mark_size = run_props(w_child(ppr, "rPr")).size;
    }
    for r in p.children().filter(|n| is_w(*n, "r")) {
        let mut run = run_props(w_child(r, "rPr"));
        for c in r.children().filter(Node::is_element) {
            match c.tag_name().name() {
                "t" => run.text.push_str(c.text().unwrap_or("")),
                // A tab to a tab stop or indent; it stands in the paragraph's text as '\t'.
                "tab" => run.tabs += 1,
                "fldChar" => run.field_char = w_attr(c, "fldCharType").map(str::to_owned),
                "instrText" => run.instr = Some(c.text().unwrap_or("").to_owned()),
                "rPr" => {}
                other => panic!("unexpected <w:{other}> in a run"),
            }
        }
        out.text.extend(std::iter::repeat_n('\t', run.tabs));
        out.text.push_str(&run.text);
        out.runs.push(run);
    }
    out
}

fn table(t: Node) -> Table {
    let mut out = Table::default();
    let props = w_child(t, "tblPr").expect("w:tblPr");
    out.width = w_child(props, "tblW").map(|w| {
        (
            w_num(w, "w").unwrap_or(0),
            w_attr(w, "type").unwrap_or("").to_owned(),
        )
    });
    out.borders = borders(w_child(props, "tblBorders"));
    if let Some(m) = w_child(props, "tblCellMar") {
        let side = |a: &str, b: &str| {
            w_child(m, a)
                .or_else(|| w_child(m, b))
                .and_then(|n| w_num(n, "w"))
        };
        out.margins = (side("left", "start"), side("right", "end"));
    }
    out.grid = w_child(t, "tblGrid")
        .expect("w:tblGrid")
        .children()
        .filter(|c| is_w(*c, "gridCol"))
        .map(|c| w_num(c, "w").expect("gridCol w:w"))
        .collect();
    for tr in t.children().filter(|c| is_w(*c, "tr")) {
        let header = w_child(tr, "trPr").is_some_and(|p| on(w_child(p, "tblHeader")));
        let cells = tr
            .children()
            .filter(|c| is_w(*c, "tc"))
            .map(|tc| {
                let cell_props = w_child(tc, "tcPr");
                Cell {
                    width: cell_props
                        .and_then(|p| w_child(p, "tcW"))
                        .and_then(|w| w_num(w, "w")),
                    borders: borders(cell_props.and_then(|p| w_child(p, "tcBorders"))),
                    paras: tc.children().filter(|c| is_w(*c, "p")).map(para).collect(),
                }
            })
            .collect();
        out.rows.push(Row { header, cells });
    }
    out
}

fn section_of(s: Node) -> Section {
    let sz = w_child(s, "pgSz").expect("w:pgSz");
    let mar = w_child(s, "pgMar").expect("w:pgMar");
    let m = |a: &str| w_num(mar, a).unwrap_or_else(|| panic!("w:pgMar has no w:{a}"));
    Section {
        width: w_num(sz, "w").expect("pgSz w"),
        height: w_num(sz, "h").expect("pgSz h"),
        orient: w_attr(sz, "orient").map(str::to_owned),
        top: m("top"),
        right: m("right"),
        bottom: m("bottom"),
        left: m("left"),
        header: m("header"),
        footer: m("footer"),
        gutter: m("gutter"),
        title_pg: on(w_child(s, "titlePg")),
        headers: s
            .children()
            .filter(|c| is_w(*c, "headerReference"))
            .map(|h| {
                (
                    w_attr(h, "type").unwrap_or("default").to_owned(),
                    h.attribute((R_NS, "id")).expect("r:id").to_owned(),
                )
            })
            .collect(),
        footers: s.children().filter(|c| is_w(*c, "footerReference")).count(),
    }
}

/// NFC, white space collapsed.
fn collapse(s: &str) -> String {
    s.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// NFC, white space removed.
fn squash(s: &str) -> String {
    s.nfc().filter(|c| !c.is_whitespace()).collect()
}

/// The lines of a possibly multi-line text, trimmed, empty ones dropped: a Word paragraph
/// each.
fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

// ----- Measuring text --------------------------------------------------------------------------

/// The width of `text` on one line in Liberation Serif Bold (Times New Roman's metrics) at
/// `half_points`, in twips; `None` when the font is not installed.
fn bold_width(text: &str, half_points: u32) -> Option<f64> {
    let data = std::fs::read(LIBERATION_BOLD).ok()?;
    let face = ttf_parser::Face::parse(&data, 0).expect("the font parses");
    let units: u32 = text
        .nfc()
        .map(|c| {
            let g = face
                .glyph_index(c)
                .unwrap_or_else(|| panic!("no glyph for {c:?}"));
            u32::from(face.glyph_hor_advance(g).expect("an advance"))
        })
        .sum();
    // units / em × points × 20 twips a point.
    Some(f64::from(units) / f64::from(face.units_per_em()) * f64::from(half_points) / 2.0 * 20.0)
}

/// The length of a rule paragraph drawn in `room` twips: what its indents leave.
fn rule_length(rule: &Para, room: u32) -> f64 {
    (f64::from(room) - f64::from(rule.left) - f64::from(rule.right)).max(0.0)
}

// ----- The page --------------------------------------------------------------------------------

#[test]
fn the_page_is_a4_portrait_with_the_decree_margins() {
    for size in [&[][..], &["--font-size", "13"][..], &["--body-only"][..]] {
        let d = Docx::new(&render(CT1322, BA_DINH, size));
        let s = &d.section;
        // A4: 210 × 297 mm.
        assert!(
            (f64::from(s.width) - twips(210.0)).abs() <= 1.0,
            "page width {} twips",
            s.width
        );
        assert!(
            (f64::from(s.height) - twips(297.0)).abs() <= 1.0,
            "page height {} twips",
            s.height
        );
        assert_ne!(s.orient.as_deref(), Some("landscape"));
        assert_mm("top margin", s.top, 20.0, 25.0);
        assert_mm("bottom margin", s.bottom, 20.0, 25.0);
        assert_mm("left margin", s.left, 30.0, 35.0);
        assert_mm("right margin", s.right, 15.0, 20.0);
        assert_eq!(s.gutter, 0);
        // What the writer calls the text width is what the page leaves.
        assert_eq!(page::TEXT, s.width - s.left - s.right);
        assert_eq!(
            (
                page::WIDTH,
                page::HEIGHT,
                page::TOP,
                page::BOTTOM,
                page::LEFT,
                page::RIGHT
            ),
            (s.width, s.height, s.top, s.bottom, s.left, s.right),
            "the public page constants describe the page written"
        );
        assert_eq!(page::FRAME_LEFT + page::FRAME_RIGHT, page::TEXT);
    }
}

#[test]
fn every_run_is_times_new_roman() {
    let d = Docx::new(&render(CT1322, AN_PHU, &[]));
    let mut runs: Vec<(String, &Run)> = Vec::new();
    for p in d.all_paragraphs() {
        runs.extend(p.runs.iter().map(|r| ("document".to_owned(), r)));
    }
    let headers = [d.header("default"), d.header("first")];
    for p in headers.iter().flatten() {
        runs.extend(p.runs.iter().map(|r| ("header".to_owned(), r)));
    }
    assert!(runs.len() > 100, "only {} runs", runs.len());
    for (part, r) in &runs {
        // Every run names the font itself, so no theme or default font can show through.
        for (slot, font) in ["ascii", "hAnsi", "eastAsia", "cs"].iter().zip(&r.fonts) {
            assert_eq!(
                font.as_deref(),
                Some(TNR),
                "{part}: run {:?} has w:{slot}={font:?}",
                r.text
            );
        }
    }
    // The defaults say the same, for anything typed into the file later.
    let styles = d.xml("word/styles.xml");
    let doc = roxmltree::Document::parse(&styles).expect("styles.xml parses");
    let fonts: Vec<Node> = doc.descendants().filter(|n| is_w(*n, "rFonts")).collect();
    assert!(!fonts.is_empty(), "styles.xml sets no font");
    for f in fonts {
        for a in ["ascii", "hAnsi", "eastAsia", "cs"] {
            assert_eq!(w_attr(f, a), Some(TNR), "styles.xml w:rFonts w:{a}");
        }
    }
    assert!(
        !styles.contains("asciiTheme") && !d.xml("word/document.xml").contains("Theme="),
        "a theme font would override Times New Roman"
    );
}

// ----- The header block ------------------------------------------------------------------------

/// The header table of a full document: its first item.
fn header_table(d: &Docx) -> &Table {
    match d.items.first() {
        Some(Item::T(t)) => t,
        other => panic!("the document should open with the header table, not {other:?}"),
    }
}

#[test]
fn the_header_block_is_a_borderless_two_column_table() {
    let doc = build(CT1322, BA_DINH);
    let frame = &doc.frame;
    let d = Docx::new(&render(CT1322, BA_DINH, &[]));
    let t = header_table(&d);
    assert!(
        t.is_borderless(),
        "the header table has borders: {:?}",
        t.borders
    );
    assert_eq!(t.grid.len(), 2, "two columns");
    assert_eq!(
        t.grid.iter().sum::<u32>(),
        page::TEXT,
        "the header spans the text width"
    );
    assert_eq!(
        t.rows.len(),
        2,
        "names | title and motto, then number | place and date"
    );
    for row in &t.rows {
        for (cell, col) in row.cells.iter().zip(&t.grid) {
            assert_eq!(cell.width, Some(*col));
        }
    }
    let (left, right) = (&t.rows[0].cells[0], &t.rows[0].cells[1]);

    // Left: the issuing body, bold, 12–13 pt, centred; then a short rule.
    let lines = left.lines();
    let texts: Vec<&str> = lines.iter().map(|p| p.text.as_str()).collect();
    let want: Vec<&str> = frame
        .parent
        .iter()
        .chain(&frame.issuer)
        .map(String::as_str)
        .collect();
    assert_eq!(texts, want);
    assert_eq!(want, ["ỦY BAN NHÂN DÂN", "XÃ BA DINH"]);
    for p in &lines {
        assert!(
            p.all(|r| r.bold && !r.italic),
            "issuer line {:?} is bold, upright",
            p.text
        );
        assert!(
            p.all(|r| matches!(r.size, Some(24..=26))),
            "issuer line {:?}: sizes {:?}, NĐ 30 wants 12–13 pt",
            p.text,
            p.sizes()
        );
        assert_eq!(p.jc.as_deref(), Some("center"));
    }
    let after: Vec<&Para> = left
        .paras
        .iter()
        .skip_while(|p| p.text != "XÃ BA DINH")
        .skip(1)
        .collect();
    let rule = after.first().expect("a rule under the issuing body");
    assert!(rule.is_rule(), "under the issuing body: {rule:?}");
    assert_eq!(rule.left, rule.right, "the rule is centred");
    let length = rule_length(rule, t.room(left));
    match bold_width("ỦY BAN NHÂN DÂN", 26) {
        // NĐ 30: one third to one half of the line above it.
        Some(widest) => assert!(
            length >= widest / 3.0 * 0.98 && length <= widest / 2.0 * 1.02,
            "issuer rule {length} twips for a {widest:.0} twip line"
        ),
        None => assert!(
            length >= twips(10.0) && length <= twips(30.0),
            "issuer rule {:.1} mm",
            mm(length)
        ),
    }

    // Right: the national title 12–13 pt bold, the motto 13–14 pt bold, its rule.
    let lines = right.lines();
    assert_eq!(lines[0].text, NATION);
    assert!(lines[0].all(|r| r.bold && !r.italic));
    assert!(
        lines[0].all(|r| matches!(r.size, Some(24..=26))),
        "national title sizes {:?}",
        lines[0].sizes()
    );
    assert_eq!(lines[1].text, MOTTO);
    assert!(lines[1].all(|r| r.bold && !r.italic));
    assert!(
        lines[1].all(|r| matches!(r.size, Some(26..=28))),
        "motto sizes {:?}",
        lines[1].sizes()
    );
    for p in &lines {
        assert_eq!(p.jc.as_deref(), Some("center"), "{:?}", p.text);
    }
    assert!(
        right.paras.iter().any(Para::is_rule),
        "no rule under the motto"
    );

    // Second row: "Số" 13 pt upright | place and date in italics, 13–14 pt.
    let (number, date) = (&t.rows[1].cells[0], &t.rows[1].cells[1]);
    let n = number.lines();
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].text, frame.number);
    assert!(
        n[0].text.starts_with("Số:") && n[0].text.ends_with("/BC-UBND"),
        "{:?}",
        n[0].text
    );
    assert!(
        n[0].all(|r| r.size == Some(26) && !r.bold && !r.italic),
        "{:?}",
        n[0]
    );
    let p = date.lines();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].text, frame.place_date);
    assert!(p[0].text.starts_with("Ba Dinh, ngày"), "{:?}", p[0].text);
    assert!(
        p[0].all(|r| r.italic && !r.bold && matches!(r.size, Some(26..=28))),
        "{:?}",
        p[0]
    );
    assert_eq!(p[0].jc.as_deref(), Some("center"));
}

#[test]
fn parent_bodies_are_upright_and_issuers_bold() {
    let doc = Document {
        frame: FrameText {
            parent: vec!["UBND TỈNH QUẢNG NGÃI".into()],
            issuer: vec!["SỞ KHOA HỌC VÀ CÔNG NGHỆ".into()],
            number: "Số: 7/BC-SKHCN".into(),
            place_date: "Quảng Ngãi, ngày 01 tháng 8 năm 2025".into(),
            kind: "BÁO CÁO".into(),
            summary: "Tình hình".into(),
            closing: "Kính báo cáo./.".into(),
            ..FrameText::default()
        },
        body: vec![Block::Paragraph {
            lead: None,
            text: "Nội dung.".into(),
        }],
        origins: vec![0],
    };
    let d = Docx::new(&report::docx::write(&doc, true, BodySize::Fourteen));
    let t = header_table(&d);
    let lines = t.rows[0].cells[0].lines();
    assert_eq!(lines[0].text, "UBND TỈNH QUẢNG NGÃI");
    assert!(
        lines[0].all(|r| !r.bold && !r.italic),
        "the parent body is upright: {:?}",
        lines[0]
    );
    assert!(lines[0].all(|r| matches!(r.size, Some(24..=26))));
    assert_eq!(lines[1].text, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    assert!(lines[1].all(|r| r.bold), "the issuing body is bold");
    // The short rule is under the issuing body, not the parent.
    let rule = t.rows[0].cells[0]
        .paras
        .iter()
        .position(Para::is_rule)
        .expect("a rule");
    let issuer = t.rows[0].cells[0]
        .paras
        .iter()
        .position(|p| p.text == "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
        .expect("the issuer");
    assert_eq!(rule, issuer + 1);
}

#[test]
fn the_mottos_rule_is_as_long_as_the_motto() {
    for (size, motto_size) in [(&[][..], 28), (&["--font-size", "13"][..], 26)] {
        let d = Docx::new(&render(CT1322, BA_DINH, size));
        let t = header_table(&d);
        let cell = &t.rows[0].cells[1];
        let at = cell
            .paras
            .iter()
            .position(|p| p.text == MOTTO)
            .expect("the motto");
        assert_eq!(cell.paras[at].sizes(), BTreeSet::from([Some(motto_size)]));
        let rule = cell.paras.get(at + 1).expect("a paragraph after the motto");
        assert!(rule.is_rule(), "the motto's rule is a top border: {rule:?}");
        assert_eq!(rule.left, rule.right, "the rule is centred under the motto");
        let length = rule_length(rule, t.room(cell));
        if let Some(motto) = bold_width(MOTTO, motto_size) {
            let off = (length - motto).abs() / motto;
            assert!(
                off <= 0.02,
                "rule {length} twips, motto {motto:.0} twips in Liberation Serif Bold \
                 ({:.1} % off)",
                off * 100.0
            );
        } else {
            eprintln!("{LIBERATION_BOLD} not installed: the motto rule is only range-checked");
            assert!(
                length >= twips(50.0) && length <= twips(62.0),
                "motto rule {:.1} mm",
                mm(length)
            );
        }
    }
}

#[test]
fn the_national_title_fits_its_column() {
    for (size, title_size) in [(&[][..], 26), (&["--font-size", "13"][..], 24)] {
        let d = Docx::new(&render(CT1322, BA_DINH, size));
        let t = header_table(&d);
        let cell = &t.rows[0].cells[1];
        let title = &cell.lines()[0];
        assert_eq!(title.text, NATION);
        assert_eq!(title.sizes(), BTreeSet::from([Some(title_size)]));
        let room = f64::from(t.room(cell)) - f64::from(title.left + title.right);
        match bold_width(NATION, title_size) {
            Some(w) => assert!(
                w < room,
                "the national title is {:.1} mm in a {:.1} mm column: it would wrap",
                mm(w),
                mm(room)
            ),
            // 13 pt bold Times New Roman: about 96 mm.
            None => assert!(room >= twips(97.0), "column {:.1} mm", mm(room)),
        }
    }
}

// ----- Title, body, closing --------------------------------------------------------------------

/// The signer table of a full document: its last table, with only empty paragraphs after it
/// (Word wants a body to end with a paragraph, not a table).
fn signer_table(d: &Docx) -> (usize, &Table) {
    let at = d
        .items
        .iter()
        .rposition(|i| matches!(i, Item::T(_)))
        .expect("a signer table");
    for item in &d.items[at + 1..] {
        assert!(
            matches!(item, Item::P(p) if p.text.is_empty()),
            "after the signer table: {item:?}"
        );
    }
    assert!(
        matches!(d.items.last(), Some(Item::P(_))),
        "the body must end with a paragraph"
    );
    let Item::T(t) = &d.items[at] else {
        unreachable!()
    };
    (at, t)
}

/// The paragraph whose text is `text`, and its position among the top-level items.
fn find<'a>(d: &'a Docx, text: &str) -> (usize, &'a Para) {
    d.items
        .iter()
        .enumerate()
        .find_map(|(i, it)| match it {
            Item::P(p) if p.text == text => Some((i, p)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no paragraph {text:?}"))
}

#[test]
fn the_title_summary_and_their_rule() {
    let doc = build(CT1322, AN_PHU);
    let frame = &doc.frame;
    let d = Docx::new(&render(CT1322, AN_PHU, &[]));
    let (at, kind) = find(&d, "BÁO CÁO");
    assert_eq!(frame.kind, "BÁO CÁO");
    assert!(
        kind.all(|r| r.bold && !r.italic && r.size == Some(28)),
        "{kind:?}"
    );
    assert_eq!(kind.jc.as_deref(), Some("center"));
    let summary = lines_of(&frame.summary);
    assert!(!summary.is_empty());
    for (i, line) in summary.iter().enumerate() {
        let Item::P(p) = &d.items[at + 1 + i] else {
            panic!("summary line {i} is not a paragraph")
        };
        assert_eq!(&p.text, line);
        assert!(p.all(|r| r.bold && r.size == Some(28)), "{p:?}");
        assert_eq!(p.jc.as_deref(), Some("center"));
    }
    let Item::P(rule) = &d.items[at + 1 + summary.len()] else {
        panic!("no rule after the summary")
    };
    assert!(rule.is_rule(), "a short rule under the summary: {rule:?}");
    assert_eq!(rule.left, rule.right, "centred");
    let length = rule_length(rule, page::TEXT);
    assert!(
        length >= twips(20.0) && length <= f64::from(page::TEXT) / 2.0,
        "summary rule {:.1} mm",
        mm(length)
    );
    // "Kính gửi:" with the one recipient, upright at the body size.
    assert_eq!(frame.to.len(), 1);
    let to = format!("Kính gửi: {}", frame.to[0]);
    let (_, p) = find(&d, &to);
    assert!(p.all(|r| !r.bold && r.size == Some(28)), "{p:?}");
}

/// What a body paragraph must look like, NĐ 30 Mục V.
fn assert_body_format(p: &Para, size: u32) {
    assert_eq!(p.jc.as_deref(), Some("both"), "{:?} is justified", p.text);
    assert!(
        f64::from(p.first) >= twips(10.0) - 1.0 && f64::from(p.first) <= twips(12.7) + 1.0,
        "{:?}: first-line indent {} twips, NĐ 30 wants 1–1.27 cm",
        p.text,
        p.first
    );
    assert_eq!((p.left, p.right), (0, 0), "{:?}", p.text);
    assert!(
        p.after >= 120,
        "{:?}: {} twips after, at least 6 pt",
        p.text,
        p.after
    );
    assert_eq!(p.line_rule.as_deref(), Some("auto"), "{:?}", p.text);
    assert!(
        p.line.is_some_and(|l| (240..=360).contains(&l)),
        "{:?}: line spacing {:?}/240, NĐ 30 wants single to 1.5 lines",
        p.text,
        p.line
    );
    assert!(
        p.all(|r| r.size == Some(size) && r.size_cs == Some(size)),
        "{:?}: sizes {:?}, body {size}",
        p.text,
        p.sizes()
    );
}

/// Headings: levels 1 and 2 bold, level 3 bold (italic allowed).
fn assert_heading_style(r: &Run, level: usize, text: &str) {
    match level {
        1 | 2 => assert!(
            r.bold && !r.italic,
            "level {level} {text:?} is bold, upright"
        ),
        3 => assert!(r.bold, "level 3 {text:?} is bold (or bold italic)"),
        _ => {}
    }
}

/// The first of `paras` from `*cursor` on whose text is `text`; the cursor moves past it.
fn next_paragraph<'a>(paras: &[&'a Para], cursor: &mut usize, text: &str) -> &'a Para {
    let at = paras[*cursor..]
        .iter()
        .position(|p| p.text == text)
        .unwrap_or_else(|| panic!("no body paragraph {text:?} after #{cursor}"));
    *cursor += at + 1;
    paras[*cursor - 1]
}

/// Checks each body block of `doc` against the paragraphs of `d`, in order.
fn check_body(doc: &Document, d: &Docx, size: u32) -> usize {
    let paras: Vec<&Para> = d.paragraphs().collect();
    let mut cursor = 0;
    let mut next = |text: &str| next_paragraph(&paras, &mut cursor, text);
    let mut checked = 0;
    let mut levels = BTreeSet::new();
    for block in &doc.body {
        match block {
            Block::Heading {
                level,
                number,
                text,
            } => {
                levels.insert(*level);
                let joined = if number.is_empty() {
                    text.clone()
                } else {
                    format!("{number} {text}")
                };
                for line in lines_of(&joined) {
                    let p = next(&line);
                    assert_body_format(p, size);
                    assert!(
                        p.keep_next,
                        "heading {line:?} keeps with the next paragraph"
                    );
                    for r in p.text_runs() {
                        assert_heading_style(r, *level, &line);
                    }
                    checked += 1;
                }
            }
            Block::Paragraph { lead, text } => {
                let mut lines = lines_of(text).into_iter();
                if let Some(lead) = lead {
                    levels.insert(lead.level);
                    let printed = lead.printed();
                    let whole = match lines.next() {
                        Some(first) => format!("{printed} {first}"),
                        None => printed.clone(),
                    };
                    let p = next(&whole);
                    assert_body_format(p, size);
                    let runs: Vec<&Run> = p.text_runs().collect();
                    assert_eq!(runs[0].text, printed, "the run-in heading is its own run");
                    assert_heading_style(runs[0], lead.level, &printed);
                    for r in &runs[1..] {
                        assert!(!r.bold && !r.italic, "{:?} after a run-in heading", r.text);
                    }
                    checked += 1;
                }
                for line in lines {
                    let p = next(&line);
                    assert_body_format(p, size);
                    assert!(p.all(|r| !r.bold && !r.italic), "plain paragraph {line:?}");
                    checked += 1;
                }
            }
            Block::Bullets(items) => {
                for item in items {
                    let lines = lines_of(item);
                    let p = next(&format!("- {}", lines[0]));
                    assert_body_format(p, size);
                    assert!(p.all(|r| !r.bold && !r.italic));
                    checked += 1;
                }
            }
            Block::Table(_) => {}
            Block::Note(text) => {
                for line in lines_of(text) {
                    let p = next(&line);
                    assert_eq!(
                        p.jc.as_deref(),
                        Some("left"),
                        "note {line:?} is not stretched"
                    );
                    assert!(p.keep_next, "note {line:?} keeps with what it is about");
                    assert!(p.all(|r| r.italic && !r.bold), "note {line:?} is italic");
                    checked += 1;
                }
            }
        }
    }
    // The closing sentence: a body paragraph ending in "./.".
    let closing = lines_of(&doc.frame.closing);
    assert!(
        closing.last().is_some_and(|l| l.ends_with("./.")),
        "{closing:?}"
    );
    for line in &closing {
        let p = next(line);
        assert_body_format(p, size);
        assert!(p.all(|r| !r.bold && !r.italic));
    }
    // After the closing, no body paragraph has text (only the signer block may follow).
    assert!(
        paras[cursor..].iter().all(|p| p.text.is_empty()),
        "text after the closing: {:?}",
        paras[cursor..].iter().map(|p| &p.text).collect::<Vec<_>>()
    );
    assert!(
        levels.is_superset(&BTreeSet::from([1, 2])),
        "levels seen: {levels:?}"
    );
    checked
}

#[test]
fn body_paragraphs_headings_bullets_and_closing_are_formatted() {
    for (q, a) in CASES {
        let doc = build(q, a);
        for (extra, size) in [(&[][..], 28), (&["--font-size", "13"][..], 26)] {
            let d = Docx::new(&render(q, a, extra));
            let n = check_body(&doc, &d, size);
            assert!(n > 15, "{a}: only {n} body paragraphs checked");
        }
    }
}

/// `baocao preview --format docx`: the same body rules, notes italic and kept with what they
/// are about, placeholders in the text.
#[test]
fn a_preview_is_a_word_file_with_placeholders_and_italic_notes() {
    for q in [CT1322, ATTP] {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("preview.docx");
        let file_arg = file.to_str().expect("utf-8 path");
        let out = baocao(&["preview", q, "--format", "docx", "-o", file_arg]);
        assert!(out.status.success(), "preview {q}: {}", stderr(&out));
        let d = Docx::new(&std::fs::read(&file).expect("the .docx was written"));
        let doc = report::preview::preview(&common::questionnaire(q));
        let notes = doc
            .body
            .iter()
            .filter(|b| matches!(b, Block::Note(_)))
            .count();
        assert!(notes > 5, "{q}: {notes} notes");
        let n = check_body(&doc, &d, 28);
        assert!(n > 30, "{q}: only {n} body paragraphs checked");
        let text: String = d.paragraphs().map(|p| p.text.clone()).collect();
        assert!(text.contains("[Tên xã (không ghi chữ \"xã\")]"), "{q}");
    }
}

#[test]
fn data_tables_are_word_tables_with_header_borders_and_totals() {
    for (q, a, count) in [(CT1322, AN_PHU, 2), (ATTP, TAN_HOA, 1)] {
        let doc = build(q, a);
        let model: Vec<&TableBlock> = doc
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(model.len(), count, "{a}: tables in the document");
        assert!(
            model.iter().any(|t| t.total.is_some()),
            "{a}: a table with totals"
        );
        let d = Docx::new(&render(q, a, &[]));
        let ruled: Vec<&Table> = d.tables().filter(|t| t.is_ruled()).collect();
        assert_eq!(ruled.len(), count, "{a}: bordered tables in the .docx");
        assert_eq!(
            d.tables().count(),
            count + 2,
            "{a}: plus the header and signer tables"
        );
        // The sentence introducing a table stays on the table's page.
        for (i, item) in d.items.iter().enumerate() {
            if matches!(item, Item::T(t) if t.is_ruled()) {
                let Some(Item::P(before)) = i.checked_sub(1).map(|j| &d.items[j]) else {
                    panic!("{a}: a table with no paragraph before it")
                };
                assert!(
                    before.keep_next,
                    "{a}: {:?} introduces a table but may be left on the page before it",
                    before.text
                );
            }
        }
        for (m, t) in model.iter().zip(&ruled) {
            let columns = m.header.len();
            assert_eq!(t.grid.len(), columns);
            let span: u32 = t.grid.iter().sum();
            assert!(
                span <= page::TEXT && span * 10 >= page::TEXT * 9,
                "{a}: table {span} twips wide, text {}",
                page::TEXT
            );
            let totals = usize::from(m.total.is_some());
            assert_eq!(
                t.rows.len(),
                1 + m.rows.len() + totals,
                "header, rows, total"
            );
            // Cells that have borders have visible ones.
            for c in t.rows.iter().flat_map(|r| &r.cells) {
                assert!(c.borders.values().all(|(v, sz)| v == "single" && *sz >= 2));
            }
            let texts = t.texts();
            // Header: repeated on each page, bold, centred.
            assert!(t.rows[0].header, "{a}: the first row is marked w:tblHeader");
            assert!(t.rows[1..].iter().all(|r| !r.header));
            assert_eq!(texts[0], m.header);
            for c in &t.rows[0].cells {
                for p in c.lines() {
                    assert!(p.all(|r| r.bold), "{a}: header cell {:?} is bold", p.text);
                    assert_eq!(p.jc.as_deref(), Some("center"));
                }
            }
            for (i, row) in m.rows.iter().enumerate() {
                assert_eq!(&texts[1 + i], row);
            }
            if let Some(total) = &m.total {
                assert_eq!(texts.last().expect("a row"), total);
            }
            assert!(
                m.numeric.iter().filter(|n| **n).count() >= 1,
                "{a}: a table of figures has numeric columns"
            );
            for (r, row) in t.rows.iter().enumerate().skip(1) {
                let is_total = m.total.is_some() && r == t.rows.len() - 1;
                for (c, cell) in row.cells.iter().enumerate() {
                    for p in cell.lines() {
                        let want = if m.numeric[c] { "right" } else { "left" };
                        assert_eq!(
                            p.jc.as_deref(),
                            Some(want),
                            "{a}: row {r} column {c} {:?}",
                            p.text
                        );
                        assert!(
                            p.all(|run| run.bold == is_total),
                            "{a}: row {r} {:?}: only the totals are bold",
                            p.text
                        );
                        assert!(
                            p.all(|run| matches!(run.size, Some(24..=28))),
                            "{a}: table text 12–14 pt: {:?}",
                            p.sizes()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_signer_block_is_a_borderless_two_column_table() {
    let doc = build(CT1322, BA_DINH);
    let frame = &doc.frame;
    let d = Docx::new(&render(CT1322, BA_DINH, &[]));
    let (_, t) = signer_table(&d);
    assert!(t.is_borderless(), "{:?}", t.borders);
    assert_eq!(t.grid.len(), 2);
    assert_eq!(t.grid.iter().sum::<u32>(), page::TEXT);
    assert_eq!(t.rows.len(), 1);
    let (left, right) = (&t.rows[0].cells[0], &t.rows[0].cells[1]);

    // "Nơi nhận:" 12 pt bold italic, the list 11 pt upright.
    let l = left.lines();
    assert_eq!(l[0].text, "Nơi nhận:");
    assert!(
        l[0].all(|r| r.bold && r.italic && r.size == Some(24)),
        "{:?}",
        l[0]
    );
    let list: Vec<&str> = l[1..].iter().map(|p| p.text.as_str()).collect();
    let want: Vec<String> = frame.cc.iter().map(|c| format!("- {c}")).collect();
    assert_eq!(list, want);
    assert_eq!(
        list.first(),
        Some(&"- Sở Khoa học và Công nghệ tỉnh Quảng Ngãi;")
    );
    assert_eq!(list.last(), Some(&"- Lưu: VT, VP."));
    for p in &l[1..] {
        assert!(
            p.all(|r| !r.bold && !r.italic && r.size == Some(22)),
            "{p:?}"
        );
    }

    // Authority, title: upper case, bold; room to sign; the name bold.
    let r = right.lines();
    let texts: Vec<&str> = r.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Nguyễn Văn Bình"
        ]
    );
    for p in &r {
        assert!(
            p.all(|run| run.bold && matches!(run.size, Some(26..=28))),
            "{p:?}"
        );
        assert_eq!(p.jc.as_deref(), Some("center"));
    }
    for p in &r[..3] {
        assert_eq!(
            p.text,
            p.text.to_uppercase(),
            "authority and title in upper case"
        );
    }
    // The gap between the title and the name: the name's space before plus any spacer.
    let title_at = right
        .paras
        .iter()
        .position(|p| p.text == "PHÓ CHỦ TỊCH")
        .expect("title");
    let gap: u32 = right.paras[title_at + 1..]
        .iter()
        .map(|p| {
            p.before
                + if p.text.is_empty() && p.line_rule.as_deref() == Some("exact") {
                    p.line.unwrap_or(0)
                } else {
                    0
                }
        })
        .sum();
    assert!(
        f64::from(gap) >= twips(20.0),
        "room for signature and seal: {:.1} mm",
        mm(gap)
    );
}

#[test]
fn the_closing_stays_on_the_page_of_the_signature() {
    // The writer's contract ("the closing sentence stays on the page of the signature"):
    // every paragraph from the closing sentence to the signer table keeps with the next.
    for (q, a) in CASES {
        let d = Docx::new(&render(q, a, &[]));
        let (last, _) = signer_table(&d);
        let closing = d
            .items
            .iter()
            .rposition(|i| matches!(i, Item::P(p) if p.text.ends_with("./.")))
            .expect("the closing");
        for (i, item) in d.items[closing..last].iter().enumerate() {
            let Item::P(p) = item else {
                panic!("{a}: a table between the closing and the signer block")
            };
            assert!(
                p.keep_next,
                "{a}: paragraph {} after the closing ({:?}, {}) lacks w:keepNext, so the \
                 signer block can be pushed alone onto the next page",
                i,
                p.text,
                if p.text.is_empty() {
                    "a spacer"
                } else {
                    "text"
                }
            );
        }
    }
}

// ----- Page numbers, rules ---------------------------------------------------------------------

#[test]
fn page_numbers_are_centred_in_the_top_margin_from_page_two() {
    for extra in [&[][..], &["--body-only"][..], &["--font-size", "13"][..]] {
        let d = Docx::new(&render(CT1322, BA_DINH, extra));
        let s = &d.section;
        assert!(s.title_pg, "w:titlePg: the first page has its own header");
        let kinds: BTreeSet<&str> = s.headers.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(kinds, BTreeSet::from(["default", "first"]));
        assert_eq!(s.footers, 0, "no page number at the bottom");
        assert!(
            !d.xml("word/settings.xml").contains("evenAndOddHeaders"),
            "even pages would need a header of their own"
        );
        // In the top margin: the header starts above the text.
        assert!(
            s.header > 0 && s.header < s.top,
            "header at {} twips",
            s.header
        );
        assert!(s.footer < s.bottom, "footer at {} twips", s.footer);

        let first = d.header("first");
        assert!(
            first.iter().all(|p| p.text.is_empty() && p.runs.is_empty()),
            "the first page shows no number: {first:?}"
        );
        let default = d.header("default");
        assert_eq!(default.len(), 1);
        let p = &default[0];
        assert_eq!(p.jc.as_deref(), Some("center"));
        let chars: Vec<&str> = p
            .runs
            .iter()
            .filter_map(|r| r.field_char.as_deref())
            .collect();
        assert_eq!(chars, ["begin", "separate", "end"], "a complete field");
        let instr: Vec<&str> = p.runs.iter().filter_map(|r| r.instr.as_deref()).collect();
        assert_eq!(instr.len(), 1);
        assert_eq!(instr[0].trim(), "PAGE");
        let pos = |f: &dyn Fn(&Run) -> bool| p.runs.iter().position(f).expect("run");
        let begin = pos(&|r| r.field_char.as_deref() == Some("begin"));
        let code = pos(&|r| r.instr.is_some());
        let sep = pos(&|r| r.field_char.as_deref() == Some("separate"));
        let end = pos(&|r| r.field_char.as_deref() == Some("end"));
        assert!(begin < code && code < sep && sep < end);
        // Only the field's cached result is text.
        assert!(p.text.chars().all(|c| c.is_ascii_digit()), "{:?}", p.text);
        let body = if extra.contains(&"13") { 26 } else { 28 };
        for r in &p.runs {
            assert_eq!(
                r.size,
                Some(body),
                "the number is at the body size (13–14 pt)"
            );
            assert!(!r.bold && !r.italic);
        }
    }
}

#[test]
fn rules_are_paragraph_borders_not_underscores() {
    for (q, a) in CASES {
        let d = Docx::new(&render(q, a, &[]));
        let all = d.all_paragraphs();
        for p in &all {
            assert!(
                !p.text.contains("__"),
                "{a}: a rule typed as underscores: {:?}",
                p.text
            );
            assert!(
                p.runs.iter().all(|r| !r.underline),
                "{a}: underlined run {:?}",
                p.text
            );
            // No run of dashes or box-drawing characters standing in for a line either.
            assert!(
                !p.text.contains("───") && !p.text.contains("----"),
                "{a}: {:?}",
                p.text
            );
        }
        let rules = all.iter().filter(|p| p.is_rule()).count();
        assert_eq!(rules, 3, "{a}: issuer, motto and summary rules");
        assert!(
            !d.xml("word/document.xml").contains("<w:u "),
            "{a}: no underline"
        );
    }
}

// ----- The text, in order ----------------------------------------------------------------------

/// A line of text or a table, for comparing the Word body with the text rendering.
#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Line(String),
    Table(Vec<Vec<String>>),
}

/// The text rendering as segments: lines, and box-drawn tables as rows of cells.
fn text_segments(text: &str) -> Vec<Seg> {
    let mut out: Vec<Seg> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        match t.chars().next() {
            None | Some('├' | '└') => {}
            Some('┌') => out.push(Seg::Table(Vec::new())),
            Some('│') => {
                let Some(Seg::Table(rows)) = out.last_mut() else {
                    panic!("a table row outside a table: {t}")
                };
                rows.push(t.trim_matches('│').split('│').map(collapse).collect());
            }
            Some(_) => out.push(Seg::Line(collapse(t))),
        }
    }
    out
}

/// The Word body as segments; the frame's borderless tables and empty paragraphs skipped.
fn docx_segments(d: &Docx) -> Vec<Seg> {
    d.items
        .iter()
        .filter_map(|i| match i {
            Item::P(p) if !p.text.is_empty() => Some(Seg::Line(collapse(&p.text))),
            Item::T(t) if !t.is_borderless() => Some(Seg::Table(t.texts())),
            _ => None,
        })
        .collect()
}

fn assert_same_segments(what: &str, got: &[Seg], want: &[Seg]) {
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "{what}: segment {i} differs");
    }
    assert_eq!(got.len(), want.len(), "{what}: segment count");
}

#[test]
fn the_body_holds_the_texts_lines_in_order() {
    for (q, a) in CASES {
        let want = text_segments(&body_text(q, a));
        assert!(want.len() > 20, "{a}: {} lines", want.len());
        for extra in [&["--body-only"][..], &[][..]] {
            let d = Docx::new(&render(q, a, extra));
            assert_same_segments(&format!("{a} {extra:?}"), &docx_segments(&d), &want);
        }
    }
}

// ----- docx-rs ---------------------------------------------------------------------------------

fn rs_paragraph_text(p: &docx_rs::Paragraph) -> String {
    p.raw_text()
}

fn rs_table_texts(t: &docx_rs::Table) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|docx_rs::TableChild::TableRow(row)| {
            row.cells
                .iter()
                .map(|docx_rs::TableRowChild::TableCell(cell)| {
                    let lines: Vec<String> = cell
                        .children
                        .iter()
                        .filter_map(|c| match c {
                            docx_rs::TableCellContent::Paragraph(p) => Some(rs_paragraph_text(p)),
                            _ => None,
                        })
                        .collect();
                    collapse(&lines.join(" "))
                })
                .collect()
        })
        .collect()
}

#[test]
fn docx_rs_reads_the_files_back() {
    for (q, a) in CASES {
        for extra in [&[][..], &["--body-only"][..]] {
            let bytes = render(q, a, extra);
            let ours = Docx::new(&bytes);
            let rs = docx_rs::read_docx(&bytes)
                .unwrap_or_else(|e| panic!("{a} {extra:?}: docx-rs cannot read it: {e:?}"));
            let children = &rs.document.children;
            assert_eq!(
                children.len(),
                ours.items.len(),
                "{a} {extra:?}: body items"
            );
            for (i, (c, item)) in children.iter().zip(&ours.items).enumerate() {
                match (c, item) {
                    (docx_rs::DocumentChild::Paragraph(p), Item::P(mine)) => {
                        assert_eq!(rs_paragraph_text(p), mine.text, "{a}: paragraph {i}");
                        let jc = p.property.alignment.as_ref().map(|j| j.val.as_str());
                        assert_eq!(jc, mine.jc.as_deref(), "{a}: paragraph {i} alignment");
                        if mine.jc.as_deref() == Some("both") {
                            let first = p.property.indent.as_ref().and_then(|i| i.special_indent);
                            assert!(
                                matches!(
                                    first,
                                    Some(docx_rs::SpecialIndentType::FirstLine(567..=720))
                                ),
                                "{a}: paragraph {i} first-line indent {first:?}"
                            );
                        }
                    }
                    (docx_rs::DocumentChild::Table(t), Item::T(mine)) => {
                        assert_eq!(rs_table_texts(t), mine.texts(), "{a}: table {i}");
                        let grid: Vec<u32> = t
                            .grid
                            .iter()
                            .map(|g| u32::try_from(*g).expect("a width"))
                            .collect();
                        assert_eq!(grid, mine.grid, "{a}: table {i} grid");
                    }
                    (c, item) => panic!("{a}: item {i}: docx-rs read {c:?} for {item:?}"),
                }
            }
            let sp = &rs.document.section_property;
            let m = &sp.page_margin;
            let s = &ours.section;
            let i = |v: u32| i32::try_from(v).expect("fits");
            assert_eq!(
                (m.top, m.right, m.bottom, m.left, m.header),
                (i(s.top), i(s.right), i(s.bottom), i(s.left), i(s.header))
            );
            assert!(sp.title_pg, "{a}: docx-rs sees w:titlePg");
            let (_, header) = sp
                .header
                .as_ref()
                .expect("docx-rs finds the default header");
            let runs: Vec<&docx_rs::RunChild> = header
                .children
                .iter()
                .filter_map(|h| match h {
                    docx_rs::HeaderChild::Paragraph(p) => Some(p),
                    _ => None,
                })
                .flat_map(|p| &p.children)
                .filter_map(|c| match c {
                    docx_rs::ParagraphChild::Run(r) => Some(r),
                    _ => None,
                })
                .flat_map(|r| &r.children)
                .collect();
            let instr: String = runs
                .iter()
                .filter_map(|c| match c {
                    docx_rs::RunChild::InstrTextString(s) => Some(s.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(instr.trim(), "PAGE", "{a}: docx-rs reads the PAGE field");
            let chars = runs
                .iter()
                .filter(|c| matches!(c, docx_rs::RunChild::FieldChar(_)))
                .count();
            assert_eq!(chars, 3, "{a}: begin, separate, end");
            let (_, first) = sp
                .first_header
                .as_ref()
                .expect("docx-rs finds the first page's header");
            let first_text: String = first
                .children
                .iter()
                .filter_map(|h| match h {
                    docx_rs::HeaderChild::Paragraph(p) => Some(p.raw_text()),
                    _ => None,
                })
                .collect();
            assert_eq!(first_text, "", "{a}: the first page's header is empty");
        }
    }
}

// ----- The package -----------------------------------------------------------------------------

#[test]
fn every_part_parses_has_a_content_type_and_every_relationship_resolves() {
    for (q, a) in CASES {
        let bytes = render(q, a, &[]);
        let entries = unzip(&bytes);
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        let unique: BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(
            unique.len(),
            names.len(),
            "{a}: duplicate zip entries: {names:?}"
        );
        for required in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/_rels/document.xml.rels",
        ] {
            assert!(unique.contains(required), "{a}: no {required}");
        }
        let parts: BTreeMap<String, Vec<u8>> = entries.into_iter().collect();

        // Well-formed XML, UTF-8, declared as such.
        for (name, data) in &parts {
            let text = std::str::from_utf8(data)
                .unwrap_or_else(|e| panic!("{a}: {name} is not UTF-8: {e}"));
            assert!(
                name.rsplit_once('.')
                    .is_some_and(|(_, ext)| ext == "xml" || ext == "rels"),
                "{a}: unexpected part {name}"
            );
            roxmltree::Document::parse(text)
                .unwrap_or_else(|e| panic!("{a}: {name} is not well-formed: {e}"));
            assert!(
                text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\""),
                "{a}: {name} lacks its XML declaration"
            );
        }

        // Content types: every part has one; every override names a part.
        let ct = part_text(&parts, "[Content_Types].xml");
        let ct = roxmltree::Document::parse(&ct).expect("content types");
        assert_eq!(ct.root_element().tag_name().namespace(), Some(CT_NS));
        let mut defaults = BTreeMap::new();
        let mut overrides = BTreeMap::new();
        for e in ct.root_element().children().filter(Node::is_element) {
            let t = e.attribute("ContentType").expect("ContentType").to_owned();
            match e.tag_name().name() {
                "Default" => {
                    defaults.insert(
                        e.attribute("Extension").expect("Extension").to_lowercase(),
                        t,
                    );
                }
                "Override" => {
                    overrides.insert(e.attribute("PartName").expect("PartName").to_owned(), t);
                }
                other => panic!("{a}: <{other}> in [Content_Types].xml"),
            }
        }
        for name in parts.keys().filter(|n| *n != "[Content_Types].xml") {
            let ext = name.rsplit('.').next().unwrap_or("").to_lowercase();
            assert!(
                overrides.contains_key(&format!("/{name}")) || defaults.contains_key(&ext),
                "{a}: {name} has no content type"
            );
        }
        for part in overrides.keys() {
            assert!(
                parts.contains_key(&part[1..]),
                "{a}: content type for a missing part {part}"
            );
        }
        assert_eq!(
            overrides.get("/word/document.xml").map(String::as_str),
            Some(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
            )
        );

        // Relationships: every target exists and has the right content type.
        let mut rel_ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for rels in ["_rels/.rels", "word/_rels/document.xml.rels"] {
            let source = rels
                .replace("_rels/", "")
                .trim_end_matches(".rels")
                .to_owned();
            let text = part_text(&parts, rels);
            let doc = roxmltree::Document::parse(&text).expect("rels");
            assert_eq!(doc.root_element().tag_name().namespace(), Some(REL_NS));
            let mut ids = BTreeSet::new();
            for r in doc.root_element().children().filter(Node::is_element) {
                let id = r.attribute("Id").expect("Id");
                assert!(ids.insert(id.to_owned()), "{a}: {rels}: duplicate Id {id}");
                assert_ne!(r.attribute("TargetMode"), Some("External"));
                let target = resolve(&source, r.attribute("Target").expect("Target"));
                assert!(
                    parts.contains_key(&target),
                    "{a}: {rels}: {id} points at missing {target}"
                );
                let kind = r.attribute("Type").expect("Type");
                if kind.ends_with("/header") {
                    assert!(
                        overrides[&format!("/{target}")].ends_with("wordprocessingml.header+xml"),
                        "{a}: {target} is not typed as a header"
                    );
                }
            }
            rel_ids.insert(rels.to_owned(), ids);
        }
        let root_rels = part_text(&parts, "_rels/.rels");
        assert!(
            root_rels.contains("/officeDocument\" Target=\"word/document.xml\""),
            "{a}: the package points at word/document.xml"
        );
        // Every r:id in the document is a relationship of the document.
        let xml = part_text(&parts, "word/document.xml");
        let doc = roxmltree::Document::parse(&xml).expect("document");
        let used: Vec<&str> = doc
            .descendants()
            .flat_map(|n| n.attributes())
            .filter(|at| at.namespace() == Some(R_NS))
            .map(|at| at.value())
            .collect();
        assert!(used.len() >= 2, "{a}: the headers are referenced");
        for id in used {
            assert!(
                rel_ids["word/_rels/document.xml.rels"].contains(id),
                "{a}: r:id {id} has no relationship"
            );
        }
    }
}

// ----- Schema order ----------------------------------------------------------------------------

/// For each WordprocessingML element checked, the order its children must follow (ECMA-376
/// Part 1, wml.xsd). `a|b` are alternatives at one position; a trailing `*` lets the
/// position repeat.
const ORDERS: &[(&str, &[&str])] = &[
    ("document", &["background", "body"]),
    ("body", &["p|tbl*", "sectPr"]),
    ("hdr", &["p|tbl*"]),
    (
        "p",
        &[
            "pPr",
            "r|bookmarkStart|bookmarkEnd|fldSimple|hyperlink|proofErr*",
        ],
    ),
    (
        "r",
        &["rPr", "t|fldChar|instrText|tab|br|cr|noBreakHyphen*"],
    ),
    (
        "pPr",
        &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
    ),
    (
        "rPr",
        &[
            // CT_ParaRPr (the paragraph mark) opens with revision marks.
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "rPrChange",
        ],
    ),
    (
        "pBdr",
        &["top", "left", "bottom", "right", "between", "bar"],
    ),
    ("tbl", &["tblPr", "tblGrid", "tr*"]),
    (
        "tblPr",
        &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
            "tblPrChange",
        ],
    ),
    (
        "tblBorders",
        &[
            "top",
            "left|start",
            "bottom",
            "right|end",
            "insideH",
            "insideV",
        ],
    ),
    ("tblCellMar", &["top", "left|start", "bottom", "right|end"]),
    ("tblGrid", &["gridCol*"]),
    ("tr", &["tblPrEx", "trPr", "tc*"]),
    (
        "trPr",
        // CT_TrPr is a choice, any order, each once.
        &[
            "cnfStyle|divId|gridBefore|gridAfter|wBefore|wAfter|cantSplit|trHeight|tblHeader|tblCellSpacing|jc|hidden*",
        ],
    ),
    ("tc", &["tcPr", "p|tbl*"]),
    (
        "tcPr",
        &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
            "headers",
            "cellIns|cellDel|cellMerge",
            "tcPrChange",
        ],
    ),
    (
        "tcBorders",
        &[
            "top",
            "left|start",
            "bottom",
            "right|end",
            "insideH",
            "insideV",
            "tl2br",
            "tr2bl",
        ],
    ),
    (
        "sectPr",
        &[
            "headerReference|footerReference*",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
    ),
    ("styles", &["docDefaults", "latentStyles", "style*"]),
    ("docDefaults", &["rPrDefault", "pPrDefault"]),
    ("rPrDefault", &["rPr"]),
    ("pPrDefault", &["pPr"]),
    (
        "style",
        &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr*",
        ],
    ),
];

/// Where each child of `parent` falls in its schema order; every child out of order, repeated
/// where it may not be, or unknown to the schema, as a message.
fn order_violations(xml: &str) -> Vec<String> {
    let doc = match roxmltree::Document::parse(xml) {
        Ok(doc) => doc,
        Err(e) => return vec![format!("not well-formed: {e}")],
    };
    let mut out = Vec::new();
    for parent in doc.descendants().filter(Node::is_element) {
        if parent.tag_name().namespace() != Some(W_NS) {
            continue;
        }
        let name = parent.tag_name().name();
        let Some((_, order)) = ORDERS.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        let position = |child: &str| {
            order.iter().position(|slot| {
                slot.trim_end_matches('*')
                    .split('|')
                    .any(|alt| alt == child)
            })
        };
        let mut last: Option<(usize, &str)> = None;
        for child in parent.children().filter(Node::is_element) {
            let c = child.tag_name().name();
            let byte = child.range().start;
            let at = format!("<w:{c}> in <w:{name}>");
            if child.tag_name().namespace() != Some(W_NS) {
                out.push(format!("{at}: not WordprocessingML (byte {byte})"));
                continue;
            }
            let Some(i) = position(c) else {
                out.push(format!(
                    "{at}: not a child the schema allows here (byte {byte})"
                ));
                continue;
            };
            match last {
                Some((j, prev)) if i < j => out.push(format!(
                    "{at}: comes after <w:{prev}>, the schema wants it before (byte {byte})"
                )),
                Some((j, prev)) if i == j && !order[i].ends_with('*') => {
                    out.push(format!("{at}: repeats after <w:{prev}> (byte {byte})"));
                }
                _ => last = Some((i, c)),
            }
        }
    }
    out
}

#[test]
fn properties_follow_the_schema_order() {
    for (q, a) in CASES {
        for extra in [&[][..], &["--body-only"][..], &["--font-size", "13"][..]] {
            let d = Docx::new(&render(q, a, extra));
            let mut checked = 0;
            for part in [
                "word/document.xml",
                "word/header1.xml",
                "word/header2.xml",
                "word/styles.xml",
            ] {
                let xml = d.xml(part);
                let v = order_violations(&xml);
                assert!(
                    v.is_empty(),
                    "{a} {extra:?} {part}: {} out of schema order, first:\n{}",
                    v.len(),
                    v[..v.len().min(10)].join("\n")
                );
                checked += xml.matches("<w:pPr>").count() + xml.matches("<w:rPr>").count();
            }
            assert!(checked > 50, "{a}: only {checked} property elements");
        }
    }
}

#[test]
fn the_schema_order_check_catches_wrong_orders() {
    let w = format!("xmlns:w=\"{W_NS}\"");
    let good = format!(
        "<w:document {w}><w:body><w:p><w:pPr><w:keepNext/><w:spacing w:after=\"120\"/>\
         <w:jc w:val=\"both\"/><w:rPr><w:sz w:val=\"28\"/></w:rPr></w:pPr><w:r><w:rPr>\
         <w:rFonts w:ascii=\"X\"/><w:b/><w:sz w:val=\"28\"/></w:rPr><w:t>x</w:t></w:r></w:p>\
         <w:sectPr><w:headerReference/><w:headerReference/><w:pgSz/><w:pgMar/><w:titlePg/>\
         </w:sectPr></w:body></w:document>"
    );
    assert_eq!(order_violations(&good), Vec::<String>::new());
    // What docx-rs 0.4.22 writes: w:rPr first in w:pPr, w:jc before w:spacing, w:sz before
    // w:rFonts; and a section with w:pgMar before w:pgSz.
    let bad = [
        (
            "<w:pPr><w:keepNext/><w:spacing w:after=\"120\"/><w:jc w:val=\"both\"/><w:rPr><w:sz w:val=\"28\"/></w:rPr></w:pPr>",
            "<w:pPr><w:rPr><w:sz w:val=\"28\"/></w:rPr><w:keepNext/><w:spacing w:after=\"120\"/><w:jc w:val=\"both\"/></w:pPr>",
            "<w:keepNext> in <w:pPr>",
        ),
        (
            "<w:spacing w:after=\"120\"/><w:jc w:val=\"both\"/>",
            "<w:jc w:val=\"both\"/><w:spacing w:after=\"120\"/>",
            "<w:spacing> in <w:pPr>",
        ),
        (
            "<w:rFonts w:ascii=\"X\"/><w:b/><w:sz w:val=\"28\"/>",
            "<w:sz w:val=\"28\"/><w:rFonts w:ascii=\"X\"/><w:b/>",
            "<w:rFonts> in <w:rPr>",
        ),
        (
            "<w:pgSz/><w:pgMar/>",
            "<w:pgMar/><w:pgSz/>",
            "<w:pgSz> in <w:sectPr>",
        ),
        (
            "<w:titlePg/>",
            "<w:titlePg/><w:headerReference/>",
            "<w:headerReference> in <w:sectPr>",
        ),
        ("<w:b/>", "<w:b/><w:b/>", "repeats"),
        (
            "<w:keepNext/>",
            "<w:keepNext/><w:bogus/>",
            "<w:bogus> in <w:pPr>: not a child",
        ),
        ("</w:body>", "<w:p/></w:body>", "<w:p> in <w:body>"),
    ];
    for (from, to, expect) in bad {
        assert!(good.contains(from), "{from}");
        let xml = good.replacen(from, to, 1);
        let v = order_violations(&xml);
        assert!(
            v.iter().any(|m| m.contains(expect)),
            "{to}: expected a violation mentioning {expect:?}, got {v:?}"
        );
    }
    // And on a real file: swap two properties of the first paragraph that has both.
    let xml = Docx::new(&render(CT1322, BA_DINH, &[])).xml("word/document.xml");
    assert!(order_violations(&xml).is_empty());
    let swapped = xml.replacen(
        "<w:keepNext/><w:widowControl/>",
        "<w:widowControl/><w:keepNext/>",
        1,
    );
    assert_ne!(swapped, xml);
    let v = order_violations(&swapped);
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].contains("<w:keepNext> in <w:pPr>"), "{v:?}");
}

// ----- Bytes -----------------------------------------------------------------------------------

#[test]
fn the_same_answers_give_the_same_bytes() {
    // In process.
    let doc = build(CT1322, AN_PHU);
    let one = report::docx::write(&doc, true, BodySize::Fourteen);
    let two = report::docx::write(&build(CT1322, AN_PHU), true, BodySize::Fourteen);
    assert!(one == two, "two writes of the same document differ");
    // No dates: every entry carries the zip epoch, the package no creation time.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&one)).expect("zip");
    for i in 0..zip.len() {
        let f = zip.by_index(i).expect("entry");
        let t = f.last_modified().expect("a time");
        assert_eq!(
            (
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            ),
            (1980, 1, 1, 0, 0, 0),
            "{} carries a time",
            f.name()
        );
    }
    let core = part_text(&unzip(&one).into_iter().collect(), "docProps/core.xml");
    assert!(!core.contains("dcterms:created") && !core.contains("dcterms:modified"));

    // Two runs of the binary, in different time zones, locales and folders.
    let run = |tz: &str, lang: &str| {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("bao cao.docx");
        let out = Command::new(env!("CARGO_BIN_EXE_baocao"))
            .args([
                "render",
                CT1322,
                "--answers",
                AN_PHU,
                "--format",
                "docx",
                "-o",
            ])
            .arg(&file)
            .current_dir(common::root())
            .env("TZ", tz)
            .env("LC_ALL", lang)
            .env("LANG", lang)
            .env("SOURCE_DATE_EPOCH", "0")
            .output()
            .expect("the binary runs");
        assert!(out.status.success(), "{}", stderr(&out));
        std::fs::read(&file).expect("written")
    };
    let a = run("UTC", "C");
    let b = run("Asia/Ho_Chi_Minh", "vi_VN.UTF-8");
    assert!(a == b, "two runs of the binary differ");
    assert!(a == one, "the binary and the library write different bytes");
}

#[test]
fn docx_goes_to_stdout_when_it_is_not_a_terminal() {
    // The test harness captures stdout: a pipe, not a terminal.
    let out = baocao(&["render", CT1322, "--answers", BA_DINH, "--format", "docx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"PK\x03\x04"), "stdout is not a zip");
    assert!(
        out.stdout == render(CT1322, BA_DINH, &[]),
        "stdout and -o differ"
    );
    Docx::new(&out.stdout);
}

#[test]
fn the_output_file_name_chooses_the_format_when_none_is_asked_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_of = |name: &str, extra: &[&str]| {
        let file = dir.path().join(name);
        let mut args = vec!["render", CT1322, "--answers", BA_DINH, "-o"];
        args.push(file.to_str().expect("utf-8 path"));
        args.extend_from_slice(extra);
        let out = baocao(&args);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        std::fs::read(&file).expect("written")
    };
    // `-o bao-cao.docx` is a Word file (it was the text report under a .docx name, which Word
    // cannot open), byte for byte what `--format docx` writes; the case of the name is not
    // the official's concern.
    assert!(out_of("bao-cao.docx", &[]) == render(CT1322, BA_DINH, &[]));
    assert!(out_of("BAO-CAO.DOCX", &[]) == render(CT1322, BA_DINH, &[]));
    let md = String::from_utf8(out_of("bao-cao.md", &[])).expect("utf-8");
    assert!(md.starts_with("| "), "not the Markdown report: {md:.80}");
    let txt = String::from_utf8(out_of("bao-cao.txt", &[])).expect("utf-8");
    assert!(
        !txt.starts_with("| ") && txt.contains("BÁO CÁO"),
        "{txt:.80}"
    );
    // A format said is the format written, whatever the name.
    assert!(out_of("x.docx", &["--format", "txt"]) == txt.as_bytes());
}

#[test]
fn the_default_font_size_is_14() {
    let default = render(CT1322, BA_DINH, &[]);
    assert!(default == render(CT1322, BA_DINH, &["--font-size", "14"]));
    let d = Docx::new(&default);
    let styles = d.xml("word/styles.xml");
    assert!(styles.contains("<w:sz w:val=\"28\"/>"), "{styles}");
}

#[test]
fn font_size_13_sets_the_body_and_the_frame() {
    let d = Docx::new(&render(CT1322, BA_DINH, &["--font-size", "13"]));
    let doc = build(CT1322, BA_DINH);
    check_body(&doc, &d, 26);
    let t = header_table(&d);
    let right = t.rows[0].cells[1].lines();
    assert_eq!(right[0].text, NATION);
    assert_eq!(
        right[0].sizes(),
        BTreeSet::from([Some(24)]),
        "national title 12 pt"
    );
    assert_eq!(right[1].sizes(), BTreeSet::from([Some(26)]), "motto 13 pt");
    let issuer = t.rows[0].cells[0].lines();
    assert!(
        issuer
            .iter()
            .all(|p| p.all(|r| matches!(r.size, Some(24..=26))))
    );
    let number = t.rows[1].cells[0].lines();
    assert_eq!(
        number[0].sizes(),
        BTreeSet::from([Some(26)]),
        "Số stays 13 pt"
    );
    let date = t.rows[1].cells[1].lines();
    assert_eq!(date[0].sizes(), BTreeSet::from([Some(26)]));
    let (_, kind) = find(&d, "BÁO CÁO");
    assert_eq!(kind.sizes(), BTreeSet::from([Some(26)]));
    let (_, signer) = signer_table(&d);
    let cc = signer.rows[0].cells[0].lines();
    assert_eq!(
        cc[0].sizes(),
        BTreeSet::from([Some(24)]),
        "Nơi nhận stays 12 pt"
    );
    assert_eq!(
        cc[1].sizes(),
        BTreeSet::from([Some(22)]),
        "the list stays 11 pt"
    );
    for p in signer.rows[0].cells[1].lines() {
        assert_eq!(p.sizes(), BTreeSet::from([Some(26)]), "{:?}", p.text);
    }
    assert!(d.xml("word/styles.xml").contains("<w:sz w:val=\"26\"/>"));
    for p in d.header("default") {
        assert!(p.runs.iter().all(|r| r.size == Some(26)));
    }
}

#[test]
fn body_only_drops_the_header_and_signer_blocks() {
    let doc = build(CT1322, BA_DINH);
    let bytes = render(CT1322, BA_DINH, &["--body-only"]);
    let d = Docx::new(&bytes);
    // Ba Dinh has no table of figures: nothing is left that is a table.
    assert_eq!(d.tables().count(), 0, "no header or signer table");
    let xml = d.xml("word/document.xml");
    for gone in [
        NATION,
        MOTTO,
        "Nơi nhận",
        "XÃ BA DINH",
        "/BC-UBND",
        "Nguyễn Văn Bình",
    ] {
        assert!(!xml.contains(gone), "--body-only still has {gone:?}");
    }
    let texts: Vec<&str> = d
        .paragraphs()
        .filter(|p| !p.text.is_empty())
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(texts.first(), Some(&"BÁO CÁO"));
    assert_eq!(
        texts.last().copied(),
        lines_of(&doc.frame.closing).last().map(String::as_str)
    );
    assert!(texts.last().is_some_and(|t| t.ends_with("./.")));
    check_body(&doc, &d, 28);
    // An Phu's tables stay; only the frame's go.
    let d = Docx::new(&render(CT1322, AN_PHU, &["--body-only"]));
    assert_eq!(d.tables().count(), 2);
    assert!(d.tables().all(Table::is_ruled));
}

#[test]
fn control_characters_never_reach_the_xml() {
    let evil = "Đỏ \u{1b}[31m chữ\u{7} hết\u{0}\u{8}\u{b}\u{c}\u{1f}\tcuối";
    let doc = Document {
        frame: FrameText {
            parent: vec![evil.into()],
            issuer: vec![evil.into()],
            number: evil.into(),
            place_date: evil.into(),
            kind: evil.into(),
            summary: evil.into(),
            to: vec![evil.into(), evil.into()],
            closing: format!("{evil}./."),
            authority: vec![evil.into()],
            signer_title: evil.into(),
            signer_name: evil.into(),
            cc: vec![evil.into()],
        },
        body: vec![
            Block::Heading {
                level: 1,
                number: "I.".into(),
                text: evil.into(),
            },
            Block::Paragraph {
                lead: Some(Lead {
                    level: 3,
                    number: "1.1.".into(),
                    text: evil.into(),
                }),
                text: format!("{evil}\n{evil}"),
            },
            Block::Bullets(vec![evil.into()]),
            Block::Table(TableBlock {
                header: vec![evil.into(), "Số".into()],
                rows: vec![vec![evil.into(), "1".into()]],
                numeric: vec![false, true],
                total: Some(vec![evil.into(), "1".into()]),
            }),
        ],
        origins: vec![0, 0, 0, 0],
    };
    for full in [true, false] {
        let bytes = report::docx::write(&doc, full, BodySize::Fourteen);
        for (name, data) in unzip(&bytes) {
            let text = String::from_utf8(data).expect("UTF-8");
            let bad = forbidden_chars(&text);
            assert!(
                bad.is_empty(),
                "{name}: {} characters XML 1.0 forbids, first {:?}",
                bad.len(),
                &bad[..bad.len().min(8)]
            );
            roxmltree::Document::parse(&text)
                .unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"));
        }
        let d = Docx::new(&bytes);
        let words: String = d
            .all_paragraphs()
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        // The text around the control characters is kept; the escape sequence is inert.
        assert!(words.matches("Đỏ").count() >= 8, "{words}");
        assert!(words.contains("cuối") && words.contains("[31m"), "{words}");
        // A typed tab becomes a space: in w:t it would jump to the next tab stop.
        assert!(
            d.all_paragraphs()
                .iter()
                .flat_map(|p| &p.runs)
                .all(|r| !r.text.contains('\t')),
            "a typed tab reached w:t"
        );
    }
}

/// Characters XML 1.0 does not allow in a document, with their byte offsets.
fn forbidden_chars(text: &str) -> Vec<(usize, char)> {
    text.char_indices()
        .filter(|(_, c)| {
            (*c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
        })
        .collect()
}

#[test]
fn xml_forbidden_noncharacters_in_answers_never_reach_the_xml() {
    // YAML's "\uFFFF" escape puts a noncharacter into an answer; XML 1.0's Char production
    // excludes U+FFFE and U+FFFF as it does C0 controls, and Word refuses such a file.
    let answers = common::read(BA_DINH);
    let line = answers
        .lines()
        .find(|l| l.trim_start().starts_with("nguoi_ky:"))
        .expect("the signer's name");
    let evil = answers.replace(line, "  nguoi_ky: \"Nguyễn\\uFFFF Văn\\uFFFE Bình\\u0007\"");
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("evil.answers.yaml");
    std::fs::write(&file, evil).expect("written");
    let bytes = render(CT1322, file.to_str().expect("utf-8"), &[]);
    for (name, data) in unzip(&bytes) {
        let text = String::from_utf8(data).expect("UTF-8");
        let bad = forbidden_chars(&text);
        assert!(
            bad.is_empty(),
            "{name}: characters XML 1.0 forbids: {bad:?}"
        );
        roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"));
    }
    let d = Docx::new(&bytes);
    let (_, signer) = signer_table(&d);
    let name = signer.rows[0].cells[1].text();
    assert!(name.contains("Nguyễn") && name.contains("Bình"), "{name}");
}

// ----- PDF -------------------------------------------------------------------------------------

/// The program `name` on PATH.
fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// LibreOffice and poppler, or `None` with a loud note; under CI=true their absence fails.
fn pdf_tools() -> Option<(PathBuf, PathBuf, PathBuf)> {
    let tools = ["soffice", "pdftotext", "pdfinfo"].map(|t| (t, on_path(t)));
    let missing: Vec<&str> = tools
        .iter()
        .filter(|(_, p)| p.is_none())
        .map(|(t, _)| *t)
        .collect();
    if missing.is_empty() {
        let [s, t, i] = tools.map(|(_, p)| p.expect("found"));
        return Some((s, t, i));
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but {missing:?} not on PATH: .ci/run must install libreoffice-writer-nogui \
         and poppler-utils"
    );
    // Straight to the process's stderr: the harness captures eprintln! of passing tests,
    // and a skipped check must not pass unnoticed.
    let note = format!(
        "\n######## SKIPPED: the PDF check of the .docx needs {missing:?} \
         (apt-get install libreoffice-writer-nogui poppler-utils); it runs in CI ########\n"
    );
    let _ = std::io::Write::write_all(&mut std::io::stderr(), note.as_bytes());
    None
}

/// Converts `files` to PDF in `dir` with a private LibreOffice profile.
fn to_pdf(soffice: &Path, dir: &Path, files: &[PathBuf]) {
    let profile = dir.join("lo-profile");
    let log = std::fs::File::create(dir.join("soffice.log")).expect("log");
    let mut child = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .args(files)
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("log"))
        .stderr(log)
        .spawn()
        .expect("soffice starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("soffice took more than 5 minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let log = std::fs::read_to_string(dir.join("soffice.log")).unwrap_or_default();
    assert!(status.success(), "soffice failed: {log}");
    for f in files {
        assert!(
            f.with_extension("pdf").is_file(),
            "no PDF for {}: {log}",
            f.display()
        );
    }
}

fn tool_output(tool: &Path, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .expect("the tool runs");
    assert!(out.status.success(), "{}: {}", tool.display(), stderr(&out));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Pages of `pdftotext -layout`, the page-number line checked and taken off pages 2 on.
fn pdf_pages(pdftotext: &Path, pdf: &Path) -> Vec<String> {
    let text = tool_output(
        pdftotext,
        &[
            "-layout".as_ref(),
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    );
    let text: String = text.nfc().collect();
    let mut pages: Vec<&str> = text.split('\u{c}').collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let mut lines: Vec<&str> = page.lines().collect();
            let first = lines.iter().position(|l| !l.trim().is_empty());
            let first = first.expect("an empty page");
            if i == 0 {
                assert!(
                    lines[first].trim().parse::<u32>().is_err(),
                    "page 1 shows a number: {:?}",
                    lines[first]
                );
            } else {
                assert_eq!(
                    lines[first].trim(),
                    (i + 1).to_string(),
                    "page {} starts with its number, centred on top",
                    i + 1
                );
                let indent = lines[first].len() - lines[first].trim_start().len();
                assert!(
                    indent > 30,
                    "the page number is centred: {:?}",
                    lines[first]
                );
                lines.remove(first);
            }
            lines.join("\n")
        })
        .collect()
}

fn pdf_page_count(pdfinfo: &Path, pdf: &Path) -> (usize, f64, f64) {
    let info = tool_output(pdfinfo, &[pdf.as_os_str()]);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("pdfinfo has no {name}: {info}"))
            .trim()
            .to_owned()
    };
    let pages = field("Pages:").parse().expect("a page count");
    // "595.304 x 841.89 pts (A4)"
    let size = field("Page size:");
    let mut dims = size
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok());
    let (w, h) = (dims.next().expect("width"), dims.next().expect("height"));
    (pages, w, h)
}

#[test]
fn libreoffice_prints_every_line_on_a_sensible_number_of_pages() {
    let Some((soffice, pdftotext, pdfinfo)) = pdf_tools() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &str, &[&str], std::ops::RangeInclusive<usize>); 4] = [
        ("ba-dinh", BA_DINH, &[], 2..=4),
        ("ba-dinh-13", BA_DINH, &["--font-size", "13"], 2..=4),
        ("an-phu", AN_PHU, &[], 3..=7),
        ("ba-dinh-body", BA_DINH, &["--body-only"], 2..=4),
    ];
    let files: Vec<PathBuf> = cases
        .iter()
        .map(|(name, a, extra, _)| {
            let f = dir.path().join(format!("{name}.docx"));
            std::fs::write(&f, render(CT1322, a, extra)).expect("written");
            f
        })
        .collect();
    to_pdf(&soffice, dir.path(), &files);
    for ((name, a, extra, range), file) in cases.iter().zip(&files) {
        let pdf = file.with_extension("pdf");
        let (count, w, h) = pdf_page_count(&pdfinfo, &pdf);
        // A4 in points: 595.28 × 841.89.
        assert!(
            (w - 595.28).abs() < 1.0 && (h - 841.89).abs() < 1.0,
            "{name}: {w} × {h} pt"
        );
        assert!(
            range.contains(&count),
            "{name}: {count} pages, expected {range:?}"
        );
        let pages = pdf_pages(&pdftotext, &pdf);
        assert_eq!(pages.len(), count, "{name}: pdftotext and pdfinfo disagree");
        eprintln!("{name}: {count} pages");

        let full = !extra.contains(&"--body-only");
        let first: Vec<&str> = pages[0].lines().collect();
        if full {
            // The national title and the motto, each whole on one line.
            assert!(
                first.iter().any(|l| l.contains(NATION)),
                "{name}: the national title is not on one line:\n{}",
                pages[0]
            );
            assert!(
                first.iter().any(|l| l.contains(MOTTO)),
                "{name}: the motto wraps"
            );
            // The closing sentence is printed on the page of the signature.
            let last = squash(pages.last().expect("a page"));
            let frame = build(CT1322, a).frame;
            assert!(
                last.contains(&squash(&frame.signer_name)),
                "{name}: no signer name"
            );
            let closing = lines_of(&frame.closing);
            let closing = squash(closing.last().expect("a closing"));
            // Its last words: the sentence itself may start on the page before.
            let tail: String = closing
                .chars()
                .skip(closing.chars().count().saturating_sub(16))
                .collect();
            assert!(
                last.contains(&tail),
                "{name}: the closing ({closing}) is not on the signature's page"
            );
            // The frame's lines are printed too: one-line ones whole, the list of recipients
            // (which may wrap in its column beside the signature) word by word.
            let first_page = squash(&pages[0]);
            let head = frame.parent.iter().chain(&frame.issuer);
            for line in head.chain([&frame.number, &frame.place_date]) {
                assert!(
                    first_page.contains(&squash(line)),
                    "{name}: {line:?} not on page 1"
                );
            }
            let signer = frame
                .authority
                .iter()
                .chain([&frame.signer_title, &frame.signer_name]);
            for line in signer.chain([&"Nơi nhận:".to_owned()]) {
                assert!(
                    last.contains(&squash(line)),
                    "{name}: {line:?} not on the last page"
                );
            }
            for word in frame.cc.iter().flat_map(|c| c.split_whitespace()) {
                assert!(
                    last.contains(&squash(word)),
                    "{name}: recipient word {word:?} missing"
                );
            }
        } else {
            assert!(
                !pages[0].contains(NATION),
                "{name}: --body-only prints the frame"
            );
        }
        let all = squash(&pages.join("\n"));
        assert!(!all.contains("__"), "{name}: underscores in the PDF");
        // Every line of the text rendering, in order, compared without white space: a printed
        // line may break after a dash ("2021–" / "2030"), where the text has none. Table cells
        // may wrap within their row, so their words are only looked for.
        let mut cursor = 0;
        for seg in text_segments(&body_text(CT1322, a)) {
            match seg {
                Seg::Line(line) => {
                    let line = squash(&line);
                    let at = all[cursor..].find(&line).unwrap_or_else(|| {
                        panic!("{name}: {line:?} is not in the PDF after byte {cursor}")
                    });
                    cursor += at + line.len();
                }
                Seg::Table(rows) => {
                    for word in rows.iter().flatten().flat_map(|c| c.split(' ')) {
                        assert!(
                            all.contains(word),
                            "{name}: table word {word:?} missing from the PDF"
                        );
                    }
                }
            }
        }
    }
}
