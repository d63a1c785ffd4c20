use std::sync::Arc;
fn main() {
    let mut db = resvg::usvg::fontdb::Database::new();
    for f in [
        "NotoSans-Regular.ttf",
        "NotoSans-Bold.ttf",
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold.ttf",
    ] {
        db.load_font_data(
            std::fs::read(format!("{}/fonts/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap(),
        );
    }
    let svg = std::fs::read_to_string("/tmp/probe.svg").unwrap();
    let mut opt = resvg::usvg::Options::default();
    opt.fontdb = Arc::new(db);
    let tree = resvg::usvg::Tree::from_str(&svg, &opt).unwrap();
    dump(&tree);
    let pdf = svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .unwrap();
    std::fs::write("/tmp/probe.pdf", pdf).unwrap();
    let size = tree.size().to_int_size();
    let mut pm = resvg::tiny_skia::Pixmap::new(size.width() * 2, size.height() * 2).unwrap();
    pm.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(2.0, 2.0),
        &mut pm.as_mut(),
    );
    pm.save_png("/tmp/probe.png").unwrap();
}
#[allow(dead_code)]
fn dump(tree: &resvg::usvg::Tree) {
    for node in tree.root().children() {
        if let resvg::usvg::Node::Text(t) = node {
            let mut v = vec![];
            for span in t.layouted() {
                for g in &span.positioned_glyphs {
                    if g.text.contains('(') || g.text.contains(')') || g.text.contains(':') {
                        v.push(format!(
                            "{:?}@{:.0} gid{}",
                            g.text,
                            g.outline_transform().tx,
                            g.id.0
                        ));
                    }
                }
            }
            println!("{}", v.join("  "));
        }
    }
}
