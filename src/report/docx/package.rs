//! The .docx package: the parts beside the document (content types, relationships, styles,
//! settings, core and app properties) and the zip that holds them all, in a fixed order with a
//! fixed time, so the same document always gives the same bytes.
//!
//! Must not: lay out the report or write the body's XML (`xml`).

use std::io::Write as _;

use super::FONT;
use super::para::{Align, Item, Para, Run};
use super::xml::{W_NS, XML_DECL, document_xml, escape, header_xml};
use crate::report::document::FrameText;
use crate::report::text::sanitize_line;

const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// `word/styles.xml`: Times New Roman at the body size, Vietnamese, no space around
/// paragraphs unless asked.
fn styles_xml(body: u32) -> String {
    format!(
        "{XML_DECL}<w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>\
         <w:sz w:val=\"{body}\"/><w:szCs w:val=\"{body}\"/>\
         <w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
         </w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>\
         </w:tblCellMar></w:tblPr></w:style></w:styles>"
    )
}

/// `word/settings.xml`: Word 2013+ layout (not compatibility mode).
fn settings_xml() -> String {
    format!(
        "{XML_DECL}<w:settings xmlns:w=\"{W_NS}\"><w:zoom w:percent=\"100\"/>\
         <w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" \
         w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         </w:settings>"
    )
}

/// `docProps/core.xml`: the title; no dates, so the same report gives the same bytes.
fn core_xml(f: &FrameText) -> String {
    let title = [f.kind.as_str(), f.summary.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(" ");
    let title = sanitize_line(&title);
    format!(
        "{XML_DECL}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>",
        escape(&title)
    )
}

fn app_xml() -> String {
    format!(
        "{XML_DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>baocao {}</Application></Properties>",
        env!("CARGO_PKG_VERSION")
    )
}

const CONTENT_TYPES: &str = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

fn package_rels() -> String {
    format!(
        "{XML_DECL}<Relationships xmlns=\"{REL_NS}\">\
         <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

fn document_rels() -> String {
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    format!(
        "{XML_DECL}<Relationships xmlns=\"{REL_NS}\">\
         <Relationship Id=\"rIdStyles\" Type=\"{rel}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{rel}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdHeader\" Type=\"{rel}/header\" Target=\"header1.xml\"/>\
         <Relationship Id=\"rIdFirstHeader\" Type=\"{rel}/header\" Target=\"header2.xml\"/>\
         </Relationships>"
    )
}

/// The zip package, parts in a fixed order with a fixed time.
pub(super) fn package(items: &[Item], f: &FrameText, body: u32) -> Vec<u8> {
    let number = Para {
        runs: vec![Run::PageNumber { size: body }],
        ..Para::new(Align::Center)
    };
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", format!("{XML_DECL}{CONTENT_TYPES}")),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core_xml(f)),
        ("docProps/app.xml", app_xml()),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/document.xml", document_xml(items)),
        ("word/styles.xml", styles_xml(body)),
        ("word/settings.xml", settings_xml()),
        ("word/header1.xml", header_xml(&number)),
        ("word/header2.xml", header_xml(&Para::new(Align::Center))),
    ];
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        // The same bytes on every system: the zip crate would otherwise write the system it
        // runs on into each entry's "made by" field (Windows differs from Linux there only).
        .system(zip::System::Unix)
        .unix_permissions(0o644);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, options)
            .and_then(|()| zip.write_all(text.as_bytes()).map_err(Into::into))
            .expect("writing a zip into memory cannot fail");
    }
    zip.finish()
        .expect("writing a zip into memory cannot fail")
        .into_inner()
}
