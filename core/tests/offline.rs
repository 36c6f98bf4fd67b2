//! The offline single file: its own Content-Security-Policy names the loader by its hash.

#[test]
fn the_offline_loader_hash_in_the_csp_is_the_loaders() {
    use base64::Engine;
    use sha2::Digest;
    use zipin_core::offline::{LOADER, LOADER_HASH};
    let digest = sha2::Sha256::digest(LOADER.as_bytes());
    assert_eq!(
        LOADER_HASH,
        format!(
            "sha256-{}",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    );
}
