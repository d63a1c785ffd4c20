#[path = "../tests/support/mod.rs"]
mod support;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let client = &args[1];
    let n: usize = args[2].parse().unwrap();
    let ids = support::longest(client, n);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let slip = support::slip(client, &ids);
    match merhaba_slip::png(&slip, 1.3) {
        Ok(png) => std::fs::write("/tmp/look.png", png).unwrap(),
        Err(e) => println!("{e}"),
    }
    let svg = merhaba_slip::svg(&slip);
    if let Ok(svg) = svg {
        println!("{}", svg.lines().nth(1).unwrap());
    }
}
