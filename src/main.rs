//! Starts the explorer (or the editors' check page) in the browser: panic hook and mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic's message in the console, in a development build. The release build aborts at
    // once on a panic, without its message (`cargo xtask dist`); `boot.js` tells the reader.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    perm_technoparks::ui::start();
}

/// The explorer runs in the browser; natively there is nothing to start.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Build for the browser with `trunk build` (see README.md).");
}
