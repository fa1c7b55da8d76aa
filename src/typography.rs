//! Typesetting the dataset's prose: no-break spaces where a line must not break, so that
//! editors never type them.
//!
//! [`typeset`] runs on every text of the dataset as it is validated (`model::validate`), so
//! the app, the first view drawn at build time, the CSV downloads and the static pages all
//! show the same typeset text. The JSON download is the file as published.
//!
//! Only a single ordinary space (U+0020) between two words is ever replaced, by a no-break
//! space (U+00A0); nothing else in the text changes, and the decision for a space depends on
//! the words on either side of it only, so typesetting twice changes nothing more than
//! typesetting once. A space next to a web address is left alone.
//!
//! Russian (after the usual rules of Russian typesetting):
//! - after «№» and «§» (`№ 10`);
//! - after a one-letter word: в, с, к, о, у, и, а, я, in either case (`в Перми`);
//! - between a number and its unit or counted word (`86 000 м²`, `500 млн рублей`, `110 %`,
//!   `2006 года`, `2019 г.`, `10 октября`), and between «млн», «млрд», «тыс.» and what they
//!   count (`млн рублей`, `тыс. кв. м`);
//! - inside the digit groups of a number written with spaces (`16 949`; a four-digit year
//!   stands alone and is never joined to the next number);
//! - before a spaced dash (`Пермь — город`);
//! - after the abbreviations of an address or a name (`ул. Стахановская`, `ш. Космонавтов`,
//!   `г. Пермь`, `т. е.`) and after an initial (`М. Колесников`).
//!
//! English (where its rules apply): `No. 10`, a number and its unit (`86,000 m²`, `110 %`,
//! `500 million roubles`, `10 October`), `RUB 500`, and before a spaced dash.

use crate::format::{EN_MONTHS, RU_MONTHS_GENITIVE};
use crate::i18n::Lang;

/// The no-break space.
pub const NBSP: char = '\u{a0}';

/// `text` with no-break spaces where the rules of `lang` want them.
pub fn typeset(lang: Lang, text: &str) -> String {
    // Fast path: nothing to decide without an ordinary space.
    if !text.contains(' ') {
        return text.to_string();
    }
    let words: Vec<Word> = text.split(char::is_whitespace).map(Word::new).collect();
    // `split` keeps the separators' places: word i ends where separator i starts.
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    for (i, word) in words.iter().enumerate() {
        out.push_str(word.text);
        rest = &rest[word.text.len()..];
        let Some(sep) = rest.chars().next() else {
            break;
        };
        rest = &rest[sep.len_utf8()..];
        let glue = sep == ' '
            && !word.text.is_empty()
            && words.get(i + 1).is_some_and(|next| {
                !next.text.is_empty()
                    && joins(lang, i.checked_sub(1).map(|j| &words[j]), word, next)
            });
        out.push(if glue { NBSP } else { sep });
    }
    out
}

/// A word as written, what it is without the punctuation around it, and whether it is a web
/// address: each found once, as a word is looked at both before and after a space.
struct Word<'a> {
    text: &'a str,
    core: &'a str,
    address: bool,
}

impl<'a> Word<'a> {
    fn new(text: &'a str) -> Self {
        Word {
            text,
            core: core(text),
            address: is_address(text),
        }
    }
}

/// Whether the space between `prev` and `next` must not break (`before` is the word before
/// `prev`, if any).
fn joins(lang: Lang, before: Option<&Word>, prev: &Word, next: &Word) -> bool {
    if prev.address || next.address {
        return false;
    }
    let (p, n) = (prev.core, next.core);
    // A spaced dash: the dash stays with the word before it.
    if n == "—" || n == "–" {
        return true;
    }
    match lang {
        Lang::Ru => joins_ru(before.map(|b| b.core), prev.text, p, n),
        Lang::En => joins_en(prev.text, p, n),
    }
}

/// `before` is the core of the word before `prev` (`core`), if any.
fn joins_ru(before: Option<&str>, prev: &str, p: &str, n: &str) -> bool {
    if p == "№" || p == "§" || p == "№№" {
        return true;
    }
    // A one-letter word, not one that ends a phrase (`и т. д.` has its own rule).
    if prev.ends_with(|c: char| c.is_alphabetic()) && is_one_letter_word(p) {
        return true;
    }
    if is_number(p) && (is_unit(RU_UNITS, n) || is_unit(&RU_MONTHS_GENITIVE, n)) {
        return true;
    }
    if ["млн", "млрд", "трлн", "тыс."].contains(&strip_dot_unless(p, "тыс."))
        && is_unit(RU_UNITS, n)
    {
        return true;
    }
    if is_digit_group(prev, p, n) {
        return true;
    }
    if p == "кв." && prev == p && ["м", "км", "м.", "км."].contains(&n) {
        return true;
    }
    let before_number = n.starts_with(|c: char| c.is_ascii_digit());
    if prev == p
        && (RU_ABBREVIATIONS.contains(&p)
            || RU_BEFORE_NUMBER.contains(&p) && before_number
            || p == "т." && ["е.", "д.", "п.", "к.", "н."].contains(&n))
    {
        return true;
    }
    // «г. Пермь», but not «2019 г. Затем…»: after a number «г.» is a year's, and ends it.
    if p == "г." && prev == p && !before.is_some_and(is_number) {
        return true;
    }
    is_initial(prev) && n.starts_with(char::is_uppercase)
}

fn joins_en(prev: &str, p: &str, n: &str) -> bool {
    let starts_with_digit = n.starts_with(|c: char| c.is_ascii_digit());
    if ["No.", "no.", "Nos.", "nos.", "№", "§", "p.", "pp.", "RUB"].contains(&p)
        && starts_with_digit
    {
        return true;
    }
    if is_number(p) && (is_unit(EN_UNITS, n) || is_unit(&EN_MONTHS, n)) {
        return true;
    }
    if ["million", "billion", "trillion", "thousand", "sq."].contains(&p) && prev == p {
        return is_unit(EN_UNITS, n);
    }
    false
}

/// Units and counted words that stay with the number before them.
const RU_UNITS: &[&str] = &[
    "м²",
    "м2",
    "м",
    "км",
    "км²",
    "кв.",
    "га",
    "%",
    "‰",
    "млн",
    "млрд",
    "трлн",
    "тыс.",
    "₽",
    "руб.",
    "рубль",
    "рубля",
    "рублей",
    "долл.",
    "долларов",
    "евро",
    "г.",
    "гг.",
    "год",
    "года",
    "году",
    "годам",
    "годами",
    "годом",
    "годе",
    "годах",
    "годы",
    "годов",
    "лет",
    "месяц",
    "месяца",
    "месяцев",
    "дня",
    "дней",
    "день",
    "человек",
    "чел.",
    "место",
    "места",
    "месте",
    "раз",
    "раза",
    "пункта",
    "пунктов",
    "пункт",
    "тысяч",
    "тысячи",
    "тысяча",
    "миллиона",
    "миллионов",
    "миллиард",
    "миллиарда",
    "миллиардов",
    "шт.",
    "ч",
    "мин",
    "°C",
];

/// Abbreviations that stay with the word after them (an address, a name).
const RU_ABBREVIATIONS: &[&str] = &[
    "ул.",
    "ш.",
    "пр.",
    "просп.",
    "пер.",
    "пл.",
    "наб.",
    "бул.",
    "корп.",
    "стр.",
    "оф.",
    "им.",
    "см.",
    "обл.",
    "пос.",
    "рис.",
    "табл.",
];

/// Abbreviations that stay with a number after them (`д. 45`, `ст. 8`), but may also end a
/// sentence (`и т. д. Затем`).
const RU_BEFORE_NUMBER: &[&str] = &["д.", "п.", "пп.", "ч.", "ст.", "гл.", "с.", "т."];

const EN_UNITS: &[&str] = &[
    "m²", "m2", "km", "km²", "sq.", "sq", "m", "ha", "%", "million", "billion", "trillion",
    "thousand", "bn", "RUB", "roubles", "rubles", "rouble", "ruble", "years", "year",
];

/// A word without the punctuation around it: `(«в` → `в`, `года.»` → `года.`, `м²,` → `м²`.
fn core(word: &str) -> &str {
    word.trim_start_matches(['(', '«', '„', '"', '“', '‘', '\'', '['])
        .trim_end_matches([
            ')', '»', '“', '”', '"', '’', '\'', ']', ',', ';', ':', '!', '?', '…',
        ])
}

/// `word` is one of `units`, with or without a full stop after it (`года.` is `года`).
fn is_unit(units: &[&str], word: &str) -> bool {
    units.contains(&word) || word.strip_suffix('.').is_some_and(|w| units.contains(&w))
}

/// `word`, or `word` without its full stop unless `keep` is what it then is.
fn strip_dot_unless<'a>(word: &'a str, keep: &str) -> &'a str {
    if word == keep {
        word
    } else {
        word.strip_suffix('.').unwrap_or(word)
    }
}

/// A number as prose writes it: `86`, `5,1`, `1.5`, `2018–2024`, `−12`, `~100`.
fn is_number(word: &str) -> bool {
    let w = word.trim_start_matches(['~', '≈', '+', '−', '-', '<', '>']);
    let mut has_digit = false;
    for c in w.chars() {
        match c {
            '0'..='9' => has_digit = true,
            ',' | '.' | '–' | '-' | '—' if has_digit => {}
            _ => return false,
        }
    }
    has_digit && w.ends_with(|c: char| c.is_ascii_digit())
}

/// `16 949`: one to three digits, then a group of exactly three (and maybe a fraction).
fn is_digit_group(prev: &str, p: &str, n: &str) -> bool {
    let lead = p.trim_start_matches(['−', '-', '~', '≈']);
    let short = (1..=3).contains(&lead.len()) && lead.bytes().all(|b| b.is_ascii_digit());
    let group = n.len() >= 3 && n.as_bytes()[..3].iter().all(u8::is_ascii_digit);
    // Only when the number was written as one: `(16 949)`, not `16) 949` (the search last:
    // most words are not numbers).
    if !(short && group && prev.len() - p.len() == prev.find(p).unwrap_or(0)) {
        return false;
    }
    // Three digits are ASCII: byte 3 is a character boundary.
    let after = &n[3..];
    after.is_empty()
        || after.starts_with([',', '.']) && after[1..].bytes().all(|b| b.is_ascii_digit())
}

/// A one-letter preposition, conjunction or pronoun (`в`, `С`), which stays with the next word.
fn is_one_letter_word(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next()),
        (
            Some(
                'в' | 'с'
                    | 'к'
                    | 'о'
                    | 'у'
                    | 'и'
                    | 'а'
                    | 'я'
                    | 'В'
                    | 'С'
                    | 'К'
                    | 'О'
                    | 'У'
                    | 'И'
                    | 'А'
                    | 'Я'
            ),
            None
        )
    )
}

/// An initial: one capital letter and a full stop (`М.`, `A.`).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    )
}

/// A web address, which is left as written and not joined to its neighbours.
fn is_address(word: &str) -> bool {
    // `':'` first: a search for one character is much cheaper than for three.
    word.contains(':') && word.contains("://") || word.starts_with("www.") || word.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `_` stands for a no-break space in the expected texts.
    fn nb(text: &str) -> String {
        text.replace('_', "\u{a0}")
    }

    #[test]
    fn russian_texts_are_typeset() {
        let cases = [
            ("Распоряжение № 434-р", "Распоряжение №_434-р"),
            (
                "корпус № 10 — центральная площадка",
                "корпус №_10_— центральная площадка",
            ),
            ("в Перми и в крае", "в_Перми и_в_крае"),
            ("В 2016 году открылся", "В_2016_году открылся"),
            ("С 2006 года", "С_2006_года"),
            ("площадь 16 949 м².", "площадь 16_949_м²."),
            ("86 000 м²", "86_000_м²"),
            ("500 млн рублей", "500_млн_рублей"),
            ("726,2 млн ₽", "726,2_млн_₽"),
            ("1,5 млрд руб.", "1,5_млрд_руб."),
            ("30 тыс. кв. м", "30_тыс._кв._м"),
            ("почти на 100 %", "почти на 100_%"),
            ("12 га земли", "12_га земли"),
            ("10 октября 2019 г.", "10_октября 2019_г."),
            ("в 2018–2024 гг.", "в_2018–2024_гг."),
            ("на 2018–2024 годы", "на 2018–2024_годы"),
            ("ул. Стахановская, 45", "ул._Стахановская, 45"),
            ("ш. Космонавтов, 111", "ш._Космонавтов, 111"),
            ("г. Пермь", "г._Пермь"),
            ("министр М. Колесников", "министр М._Колесников"),
            ("(в рамках программы)", "(в_рамках программы)"),
            ("«О технопарках» и «А»", "«О_технопарках» и_«А»"),
            ("т. е. всё", "т._е. всё"),
            ("и т. д. Затем", "и_т._д. Затем"),
            ("ул. Ленина, д. 45", "ул._Ленина, д._45"),
            ("1 234 567 рублей", "1_234_567_рублей"),
            (
                "Технопарк «Пермь» — 12 января 2023 г.",
                "Технопарк «Пермь»_— 12_января 2023_г.",
            ),
            // The dash stays with the word before it, whatever that word is.
            ("2016 — 2023", "2016_— 2023"),
        ];
        for (raw, want) in cases {
            assert_eq!(typeset(Lang::Ru, raw), nb(want), "{raw}");
        }
    }

    #[test]
    fn what_must_not_change_does_not() {
        let unchanged = [
            // Web addresses: neither changed nor joined to the words around them.
            "см. https://www.permkrai.ru/news/v-krae/ и https://example.com/a b",
            "mailto:info@example.ru и",
            "морион-диджитал",
            "Технопарк «Пермь»",
            // Already typeset: the same again.
            "№\u{a0}10",
            // Two spaces and line breaks are the editor's, left alone.
            "два  пробела",
            // `16) 949` is not one number.
            "(16) 949",
            // A one-letter word at the end of a phrase.
            "пункт а, затем",
            // Numbers whose next word is not their unit.
            "из 36 событий 12 федеральные",
            "Пермь 2023",
        ];
        for text in unchanged {
            assert_eq!(typeset(Lang::Ru, text), text);
            assert_eq!(typeset(Lang::En, text), text);
        }
        assert_eq!(
            typeset(Lang::Ru, "в 2019 100 компаний"),
            nb("в_2019 100 компаний")
        );
        assert_eq!(
            typeset(Lang::Ru, "в 2019 г. Затем"),
            nb("в_2019_г. Затем"),
            "a year's «г.» is not joined to the next sentence"
        );
        assert_eq!(typeset(Lang::Ru, "(16) 949"), "(16) 949");
        assert_eq!(typeset(Lang::Ru, "два  пробела"), "два  пробела");
        assert_eq!(
            typeset(Lang::Ru, "строка\nв строке"),
            nb("строка\nв_строке")
        );
        assert_eq!(
            typeset(Lang::Ru, "см. https://x.ru/a и б"),
            nb("см. https://x.ru/a и_б"),
            "an address is not joined to «см.» or to the word after it"
        );
        assert_eq!(typeset(Lang::Ru, "в 2016 открылся"), nb("в_2016 открылся"));
        assert_eq!(typeset(Lang::Ru, "пункт а, затем"), "пункт а, затем");
    }

    #[test]
    fn english_texts_are_typeset_where_english_rules_apply() {
        let cases = [
            ("Building No. 10", "Building No._10"),
            ("86,000 m² of space", "86,000_m² of space"),
            ("RUB 500 million roubles", "RUB_500_million_roubles"),
            ("almost 100 % more", "almost 100_% more"),
            ("on 10 October 2019", "on 10_October 2019"),
            ("Perm — a city", "Perm_— a city"),
            ("Perm – a city", "Perm_– a city"),
            // English does not bind one-letter words.
            ("a park in Perm", "a park in Perm"),
            (
                "see https://example.com/ — here",
                "see https://example.com/ — here",
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(typeset(Lang::En, raw), nb(want), "{raw}");
        }
    }

    #[test]
    fn typesetting_twice_is_typesetting_once() {
        let texts = [
            "Распоряжение № 434-р от 10 октября 2019 г. — в Перми и в крае 16 949 м² и 500 млн рублей",
            "в 2019 г. Затем ул. Стахановская, М. Колесников и т. д.",
            "Building No. 10 — 86,000 m², RUB 500 million",
            "  в  начале и в конце  ",
        ];
        for text in texts {
            for lang in Lang::ALL {
                let once = typeset(lang, text);
                assert_eq!(typeset(lang, &once), once, "{lang:?}: {text}");
                // Only spaces change, and only to no-break spaces.
                assert_eq!(once.replace(NBSP, " "), text.replace(NBSP, " "));
            }
        }
    }
}
