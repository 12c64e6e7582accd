//! Build script: generates the parser (`$OUT_DIR/python.rs`) from grammar/python.lalrpop with LALRPOP.

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    if let Err(err) = lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .set_out_dir(out_dir)
        .emit_rerun_directives(true)
        .process()
    {
        eprintln!("LALRPOP failed: {err}");
        std::process::exit(1);
    }
}
