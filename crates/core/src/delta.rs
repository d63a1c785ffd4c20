//! Deltas between two versions of a city pack, and whole packs compressed, for the content
//! feed (issue 5).
//!
//! A delta is a zstd frame compressed with the old pack as its reference prefix (zstd's
//! "patch-from"), with long-distance matching and a window covering the whole pack. Packs
//! are rebuilt from scratch and VACUUMed, so one changed entry shifts the bytes of every
//! later row: a third of the pages differ after a one-entry edit of the Aydın pack. A byte
//! matcher that follows shifted runs turns that into a delta of about 0.3 % of the pack.
//!
//! The frame carries zstd's content checksum, so applying a delta to the wrong base fails
//! instead of producing a wrong pack; the feed still checks the result's length and hash
//! against its signed metadata before anything is installed.
//!
//! A whole pack travels compressed the same way with no reference ([`compress`]): the Aydın
//! pack of 802,816 bytes becomes about 250 KB. Decompressing is capped at the signed length,
//! so a small file cannot expand into memory without bound.

use std::io::{Read, Write};

/// zstd level for deltas: they are made once by the publisher and applied on phones, and
/// decompression speed does not depend on the level.
const LEVEL: i32 = 19;

/// The largest pack this app makes from the feed (256 MiB; the Aydın pack is under 1 MB):
/// the whole pack is built in memory, so a signed length beyond this is refused before
/// anything is decoded.
pub const MAX_PACK_LEN: u64 = 256 << 20;

#[derive(Debug, thiserror::Error)]
pub enum DeltaError {
    #[error("the delta does not apply: {0}")]
    Corrupt(#[source] std::io::Error),
    #[error("the delta produces more than the declared {declared} bytes")]
    TooLong { declared: u64 },
    #[error("the declared length of {declared} bytes is more than the {MAX_PACK_LEN} bytes a pack may have")]
    TooLarge { declared: u64 },
}

/// The base-2 log of a window that holds both packs, within zstd's limits.
fn window_log(old: &[u8], new_len: usize) -> u32 {
    let size = old.len().max(new_len).max(1) as u64;
    (64 - (size - 1).leading_zeros()).clamp(10, 30) + 1
}

/// The delta that turns `old` into `new`.
pub fn make(old: &[u8], new: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = if old.is_empty() {
        zstd::stream::write::Encoder::new(Vec::new(), LEVEL)?
    } else {
        zstd::stream::write::Encoder::with_ref_prefix(Vec::new(), LEVEL, old)?
    };
    encoder.long_distance_matching(true)?;
    encoder.window_log(window_log(old, new.len()))?;
    encoder.include_checksum(true)?;
    encoder.set_pledged_src_size(Some(new.len() as u64))?;
    encoder.write_all(new)?;
    encoder.finish()
}

/// A whole pack compressed for the feed: as a delta from nothing.
pub fn compress(pack: &[u8]) -> std::io::Result<Vec<u8>> {
    make(&[], pack)
}

/// The pack `compressed` holds, refusing to produce more than `declared_len` bytes.
pub fn decompress(compressed: &[u8], declared_len: u64) -> Result<Vec<u8>, DeltaError> {
    apply(&[], compressed, declared_len)
}

/// Applies `delta` to `old`, refusing to produce more than `declared_len` bytes (a delta
/// is untrusted until its result is checked; this bounds what it can make us write).
///
/// It also bounds what the delta can make us allocate, before anything is decoded: the
/// declared length is at most [`MAX_PACK_LEN`]; every frame must say how much it holds
/// ([`make`] always does), and together no more than `declared_len`, which also bounds
/// zstd's buffers; and the window a frame may ask for is the one [`make`] would have chosen
/// for these lengths. A ten-byte frame cannot make us reserve gigabytes.
pub fn apply(old: &[u8], delta: &[u8], declared_len: u64) -> Result<Vec<u8>, DeltaError> {
    if declared_len > MAX_PACK_LEN {
        return Err(DeltaError::TooLarge {
            declared: declared_len,
        });
    }
    frames_within(delta, declared_len)?;
    let mut decoder = if old.is_empty() {
        zstd::stream::read::Decoder::with_buffer(delta)
    } else {
        zstd::stream::read::Decoder::with_ref_prefix(delta, old)
    }
    .map_err(DeltaError::Corrupt)?;
    let new_len = usize::try_from(declared_len).unwrap_or(usize::MAX);
    decoder
        .window_log_max(window_log(old, new_len))
        .map_err(DeltaError::Corrupt)?;
    let mut out = Vec::new();
    decoder
        .take(declared_len.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(DeltaError::Corrupt)?;
    if out.len() as u64 > declared_len {
        return Err(DeltaError::TooLong {
            declared: declared_len,
        });
    }
    Ok(out)
}

/// Checks each zstd frame's header: its content size must be given, and all of them
/// together within `declared_len`.
fn frames_within(delta: &[u8], declared_len: u64) -> Result<(), DeltaError> {
    let corrupt = |what: &str| DeltaError::Corrupt(std::io::Error::other(what.to_string()));
    let mut rest = delta;
    let mut total: u64 = 0;
    while !rest.is_empty() {
        let size = zstd::zstd_safe::get_frame_content_size(rest)
            .map_err(|_| corrupt("not a zstd frame"))?
            .ok_or_else(|| corrupt("a zstd frame that does not say how much it holds"))?;
        total = total.saturating_add(size);
        if total > declared_len {
            return Err(DeltaError::TooLong {
                declared: declared_len,
            });
        }
        let len = zstd::zstd_safe::find_frame_compressed_size(rest)
            .map_err(|_| corrupt("a zstd frame cut short"))?;
        rest = rest.get(len..).unwrap_or_default();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random bytes that do not compress on their own.
    fn noise(seed: u64, len: usize) -> Vec<u8> {
        let mut x = seed;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    #[test]
    fn a_small_edit_costs_a_small_delta_and_round_trips() {
        let old = noise(1, 300_000);
        let mut new = old.clone();
        // Insert 40 bytes early on: every later byte shifts, as in a rebuilt pack.
        new.splice(1_000..1_000, noise(2, 40));
        new[200_000] ^= 0xff;
        let delta = make(&old, &new).unwrap();
        assert!(delta.len() < 500, "{} bytes", delta.len());
        assert_eq!(apply(&old, &delta, new.len() as u64).unwrap(), new);
    }

    #[test]
    fn the_largest_declared_length_does_not_overflow() {
        let packed = compress(b"pack").unwrap();
        assert_eq!(decompress(&packed, MAX_PACK_LEN).unwrap(), b"pack");
        assert!(decompress(b"not zstd", MAX_PACK_LEN).is_err());
        assert!(decompress(&packed, u64::MAX).is_err());
    }

    #[test]
    fn a_frame_asking_for_a_window_beyond_the_declared_length_is_refused() {
        // A frame with no content size and a 1 GiB window, holding 1,000 bytes: honest
        // deltas never look like this, and decoding it would reserve the whole window.
        let mut encoder = zstd::stream::write::Encoder::new(Vec::new(), 3).unwrap();
        encoder.window_log(30).unwrap();
        encoder.include_contentsize(false).unwrap();
        encoder.write_all(&noise(8, 1_000)).unwrap();
        let frame = encoder.finish().unwrap();
        assert_eq!(
            zstd::zstd_safe::get_frame_content_size(&frame).unwrap(),
            None
        );
        let err = decompress(&frame, 1_000).unwrap_err();
        assert!(matches!(err, DeltaError::Corrupt(_)), "{err}");
        // Nor behind an honest first frame, nor with a declared length of gigabytes (found by
        // the fuzzer: a 40-byte delta declaring almost 2 GB, fuzz/regressions/delta/).
        let honest = compress(b"pack").unwrap();
        let both = [honest.clone(), frame.clone()].concat();
        let err = decompress(&both, 1 << 20).unwrap_err();
        assert!(matches!(err, DeltaError::Corrupt(_)), "{err}");
        let err = decompress(&honest, u64::MAX).unwrap_err();
        assert!(matches!(err, DeltaError::TooLarge { .. }), "{err}");
        assert_eq!(decompress(&honest, MAX_PACK_LEN).unwrap(), b"pack");
        // A frame that declares more than the signed length is refused before decoding.
        let big = compress(&noise(9, 5_000)).unwrap();
        let err = decompress(&big, 4_999).unwrap_err();
        assert!(
            matches!(err, DeltaError::TooLong { declared: 4_999 }),
            "{err}"
        );
        assert_eq!(decompress(&big, 5_000).unwrap(), noise(9, 5_000));
    }

    #[test]
    fn no_change_is_almost_free() {
        let old = noise(3, 100_000);
        let delta = make(&old, &old).unwrap();
        assert!(delta.len() < 100, "{} bytes", delta.len());
        assert_eq!(apply(&old, &delta, old.len() as u64).unwrap(), old);
    }

    #[test]
    fn the_wrong_base_a_damaged_delta_or_endless_output_are_refused() {
        let old = noise(4, 50_000);
        let mut new = old.clone();
        new.truncate(49_000);
        new.extend(noise(5, 2_000));
        let delta = make(&old, &new).unwrap();
        // Another base: the content checksum does not match.
        let other = noise(6, 50_000);
        assert!(matches!(
            apply(&other, &delta, new.len() as u64),
            Err(DeltaError::Corrupt(_))
        ));
        // A flipped byte or a cut-off delta.
        let mut damaged = delta.clone();
        let mid = damaged.len() / 2;
        damaged[mid] ^= 0x55;
        assert!(apply(&old, &damaged, new.len() as u64).is_err());
        assert!(apply(&old, &delta[..delta.len() - 10], new.len() as u64).is_err());
        // More output than declared: stopped at the declared size, never read to the end.
        let err = apply(&old, &delta, 1_000).unwrap_err();
        assert!(
            matches!(err, DeltaError::TooLong { declared: 1_000 }),
            "{err}"
        );
    }

    #[test]
    fn a_compressed_pack_round_trips_and_a_bomb_stops_at_the_declared_length() {
        // Text-like bytes, as a pack's rows are: compressible, but not trivially.
        let pack: Vec<u8> = noise(7, 20_000)
            .iter()
            .flat_map(|b| format!("row {} text {} ", b % 50, b % 7).into_bytes())
            .collect();
        let compressed = compress(&pack).unwrap();
        assert!(compressed.len() * 3 < pack.len(), "{}", compressed.len());
        assert_eq!(decompress(&compressed, pack.len() as u64).unwrap(), pack);
        // 64 MB of zeros compress to a few kilobytes; declared 1 MB, it stops there.
        let zeros = compress(&vec![0; 64 << 20]).unwrap();
        assert!(zeros.len() < 64 << 10, "{}", zeros.len());
        let err = decompress(&zeros, 1 << 20).unwrap_err();
        assert!(matches!(err, DeltaError::TooLong { .. }), "{err}");
        let mut damaged = compressed.clone();
        let mid = damaged.len() / 2;
        damaged[mid] ^= 0x55;
        assert!(decompress(&damaged, pack.len() as u64).is_err());
    }
}
