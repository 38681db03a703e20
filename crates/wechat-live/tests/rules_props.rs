//! Property tests for the pure rules: CJK width, push-URL parsing, CSS signing, money.

use proptest::prelude::*;
use wechat_live::money::{Fen, JSON_EXACT_LIMIT};
use wechat_live::push_url::PushUrl;
use wechat_live::signer::{PlayKind, PushKind, SignError, Signer};
use wechat_live::validate::{self, cjk_width};

/// The rule restated independently of the implementation: ASCII 1, anything else 2.
fn expected_width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) < 0x80 { 1 } else { 2 })
        .sum()
}

fn hex_digit_other_than(c: char, pick: u8) -> char {
    let digits: Vec<char> = "0123456789abcdef"
        .chars()
        .filter(|d| !d.eq_ignore_ascii_case(&c))
        .collect();
    digits[usize::from(pick) % digits.len()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn width_is_sum_of_char_widths(s in any::<String>()) {
        prop_assert_eq!(cjk_width(&s), expected_width(&s));
    }

    #[test]
    fn width_is_additive(a in any::<String>(), b in any::<String>()) {
        prop_assert_eq!(cjk_width(&format!("{a}{b}")), cjk_width(&a) + cjk_width(&b));
    }

    #[test]
    fn ascii_width_is_len(s in "[\\x00-\\x7f]*") {
        prop_assert_eq!(cjk_width(&s), s.len());
    }

    #[test]
    fn cjk_room_names_accepted_exactly_for_3_to_17_chars(n in 0usize..25) {
        let name = "播".repeat(n);
        let ok = validate::room_name(&name).is_ok();
        prop_assert_eq!(ok, (3..=17).contains(&n));
    }

    #[test]
    fn push_url_round_trips_through_signer(
        key in "[ -~]{1,32}",
        domain in "[a-z][a-z0-9-]{0,10}(\\.[a-z]{2,8}){0,2}",
        app in "[a-z]{1,8}",
        stream in "[A-Za-z0-9_-]{1,24}",
        expires_at in 0i64..=(1i64 << 40),
    ) {
        let signer = Signer::new(key);
        let url = signer.push_url(PushKind::Rtmp, &domain, &app, &stream, expires_at);
        let p = PushUrl::parse(&url).expect("signer output parses");
        prop_assert_eq!(p.server(), format!("rtmp://{domain}/{app}"));
        prop_assert_eq!(p.stream_name(), stream.as_str());
        prop_assert_eq!(p.expires_at(), expires_at);
        prop_assert_eq!(p.full(), url.as_str());
        prop_assert_eq!(
            p.stream_key(),
            format!(
                "{stream}?txSecret={}&txTime={}",
                signer.tx_secret(&stream, expires_at),
                signer.tx_time_hex(expires_at)
            )
        );
        prop_assert_eq!(format!("{}/{}", p.server(), p.stream_key()), url.clone());
        prop_assert_eq!(
            signer.verify(p.stream_name(), p.tx_secret(), p.tx_time_hex(), expires_at),
            Ok(())
        );
        let shown = format!("{p} {p:?}");
        prop_assert!(!shown.contains(p.tx_secret()));
    }

    #[test]
    fn any_single_char_change_of_tx_secret_is_rejected(
        key in "[a-z0-9]{1,16}",
        stream in "[a-z0-9-]{1,16}",
        expires_at in 0i64..=(1i64 << 36),
        pos in 0usize..32,
        pick in any::<u8>(),
    ) {
        let signer = Signer::new(key);
        let url = signer.push_url(PushKind::Rtmp, "push.example.com", "live", &stream, expires_at);
        let p = PushUrl::parse(&url).expect("signer output parses");
        let mut chars: Vec<char> = p.tx_secret().chars().collect();
        prop_assert_eq!(chars.len(), 32);
        chars[pos] = hex_digit_other_than(chars[pos], pick);
        let tampered: String = chars.into_iter().collect();
        prop_assert_eq!(
            signer.verify(&stream, &tampered, p.tx_time_hex(), expires_at),
            Err(SignError::BadSignature)
        );
        // Case alone is not a change: hex compares case-insensitively.
        prop_assert_eq!(
            signer.verify(&stream, &p.tx_secret().to_uppercase(), p.tx_time_hex(), expires_at),
            Ok(())
        );
    }

    #[test]
    fn every_push_kind_carries_a_verifiable_signature(
        stream in "[a-z0-9]{1,12}",
        expires_at in 0i64..=u32::MAX as i64,
    ) {
        let signer = Signer::new("k");
        let secret = signer.tx_secret(&stream, expires_at);
        for kind in [PushKind::Rtmp, PushKind::RtmpSrtPort, PushKind::Webrtc, PushKind::Srt] {
            let url = signer.push_url(kind, "d.example.com", "live", &stream, expires_at);
            prop_assert!(url.contains(&secret), "{:?}", kind);
        }
        let t = signer.tx_time_hex(expires_at);
        prop_assert_eq!(signer.verify(&stream, &secret, &t, expires_at), Ok(()));
        prop_assert_eq!(
            signer.verify(&stream, &secret, &t, expires_at + 1),
            Err(SignError::Expired { expires_at })
        );
    }

    /// The signer restated from the reference with an independent MD5: lower-case hex of
    /// md5(key + streamName + txTimeHex), txTime the lower-case hex of the expiry.
    #[test]
    fn tx_secret_is_md5_of_key_stream_and_hex_time(
        key in "[ -~]{0,40}",
        stream in "[A-Za-z0-9_-]{1,32}",
        expires_at in 0i64..=(1i64 << 40),
    ) {
        use md5::{Digest, Md5};
        let hex_time = format!("{expires_at:08x}");
        let digest = Md5::digest(format!("{key}{stream}{hex_time}").as_bytes());
        let expected: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        let signer = Signer::new(key);
        prop_assert_eq!(signer.tx_time_hex(expires_at), hex_time);
        prop_assert_eq!(signer.tx_secret(&stream, expires_at), expected);
    }

    /// Play URLs of every kind sign the bare stream name, whatever the extension.
    #[test]
    fn play_urls_sign_the_bare_stream_name(
        stream in "[a-z0-9_]{1,16}",
        expires_at in 0i64..=u32::MAX as i64,
        https in any::<bool>(),
    ) {
        let signer = Signer::new("play-key");
        let q = format!(
            "?txSecret={}&txTime={}",
            signer.tx_secret(&stream, expires_at),
            signer.tx_time_hex(expires_at)
        );
        let scheme = if https { "https" } else { "http" };
        let cases = [
            (PlayKind::Rtmp, format!("rtmp://p.example.com/live/{stream}{q}")),
            (PlayKind::Webrtc, format!("webrtc://p.example.com/live/{stream}{q}")),
            (PlayKind::Flv { https }, format!("{scheme}://p.example.com/live/{stream}.flv{q}")),
            (PlayKind::Hls { https }, format!("{scheme}://p.example.com/live/{stream}.m3u8{q}")),
        ];
        for (kind, expected) in cases {
            prop_assert_eq!(signer.play_url(kind, "p.example.com", "live", &stream, expires_at), expected);
        }
    }

    /// Any well-formed push address splits into the OBS server and stream key it was built from,
    /// and its txTime (either hex case) decodes to the expiry.
    #[test]
    fn parser_splits_any_push_address(
        host in "[a-z][a-z0-9-]{0,12}(\\.[a-z]{2,6}){1,3}(:[1-9][0-9]{0,3})?",
        app in "[A-Za-z0-9_]{1,10}",
        stream in "[A-Za-z0-9_-]{1,30}",
        secret in "[0-9a-f]{32}",
        expires_at in 0i64..=(1i64 << 40),
        upper in any::<bool>(),
    ) {
        let time = format!("{expires_at:08x}");
        let time = if upper { time.to_uppercase() } else { time };
        let url = format!("rtmp://{host}/{app}/{stream}?txSecret={secret}&txTime={time}");
        let p = PushUrl::parse(&url).expect("well-formed");
        prop_assert_eq!(p.server(), format!("rtmp://{host}/{app}"));
        prop_assert_eq!(p.stream_name(), stream.as_str());
        prop_assert_eq!(p.stream_key(), format!("{stream}?txSecret={secret}&txTime={time}"));
        prop_assert_eq!(p.expires_at(), expires_at);
        prop_assert_eq!(p.tx_secret(), secret.as_str());
    }

    #[test]
    fn fen_yuan_string_round_trips(fen in -(JSON_EXACT_LIMIT * 1000)..(JSON_EXACT_LIMIT * 1000)) {
        let f = Fen(fen);
        prop_assert_eq!(Fen::from_yuan_str(&f.to_yuan_string()), Ok(f));
        let display = f.to_string().replacen('¥', "", 1);
        prop_assert_eq!(Fen::from_yuan_str(&display), Ok(f));
    }

    #[test]
    fn fen_json_yuan_is_exact(fen in -(JSON_EXACT_LIMIT - 1)..JSON_EXACT_LIMIT) {
        let text = serde_json::to_string(&Fen(fen).to_yuan_json()).expect("serializes");
        prop_assert_eq!(Fen::from_yuan_str(&text), Ok(Fen(fen)));
    }

    #[test]
    fn parsers_never_panic(s in any::<String>()) {
        let _ = PushUrl::parse(&s);
        let _ = PushUrl::parse(&format!("rtmp://{s}"));
        let _ = PushUrl::parse(&format!("rtmp://h/a/{s}?txSecret={s}&txTime={s}"));
        let _ = Fen::from_yuan_str(&s);
        let _ = serde_json::from_str::<Fen>(&s);
        let _ = validate::room_name(&s);
        let _ = validate::goods_url(&s);
        let _ = validate::price_text("goodsInfo.price", &s);
        let _ = Signer::new(s.clone()).verify(&s, &s, &s, 0);
    }

    #[test]
    fn time_rules_never_panic(start in any::<i64>(), end in any::<i64>(), now in any::<i64>()) {
        let start_ok = validate::start_time(start, now).is_ok();
        if start_ok {
            prop_assert!(start >= now.saturating_add(600));
        }
        let _ = validate::start_time_warning(start, now);
        if validate::duration(start, end).is_ok() {
            prop_assert!((1800..=86_400).contains(&(end - start)));
        }
        for r in validate::room_form(&validate::RoomForm {
            start_time: start,
            end_time: end,
            ..Default::default()
        }, now) {
            let _ = (r.message_zh(), r.message_en(), r.to_string());
        }
    }
}
