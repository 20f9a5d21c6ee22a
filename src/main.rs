//! The `mxs` binary: everything happens in [`mxs::main`].

fn main() -> std::process::ExitCode {
    mxs::main()
}
