#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| merhaba_fuzz::pack(data));
