//! The visually-impaired mode's settings («версия для слабовидящих»): type size, colour
//! scheme, charts replaced by tables. Pure: kept in the browser's storage as a short string.

/// Type size: at least one and a half times the normal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViSize {
    #[default]
    Large,
    Larger,
    Largest,
}

/// The conventional high-contrast schemes of Russian public sites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViScheme {
    #[default]
    BlackOnWhite,
    WhiteOnBlack,
    BlueOnLightBlue,
}

/// What the reader chose in the visually-impaired mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViSettings {
    /// The mode is on (the host's `a11y=1` also turns it on).
    pub on: bool,
    pub size: ViSize,
    pub scheme: ViScheme,
    /// Charts replaced by their tables.
    pub images_off: bool,
}

impl ViSize {
    /// All sizes, smallest first.
    pub const ALL: [ViSize; 3] = [ViSize::Large, ViSize::Larger, ViSize::Largest];

    /// The word in storage and CSS.
    pub fn key(self) -> &'static str {
        match self {
            ViSize::Large => "150",
            ViSize::Larger => "200",
            ViSize::Largest => "250",
        }
    }
}

impl ViSettings {
    /// How much larger chart text is drawn: the chosen type size while the mode is on. Charts
    /// are drawn this much narrower and shown at full width, so everything in them grows.
    pub fn chart_scale(&self) -> f64 {
        if !self.on {
            return 1.0;
        }
        match self.size {
            ViSize::Large => 1.5,
            ViSize::Larger => 2.0,
            ViSize::Largest => 2.5,
        }
    }
}

impl ViScheme {
    /// All schemes.
    pub const ALL: [ViScheme; 3] = [
        ViScheme::BlackOnWhite,
        ViScheme::WhiteOnBlack,
        ViScheme::BlueOnLightBlue,
    ];

    /// The word in storage, CSS and the locale files.
    pub fn key(self) -> &'static str {
        match self {
            ViScheme::BlackOnWhite => "bw",
            ViScheme::WhiteOnBlack => "wb",
            ViScheme::BlueOnLightBlue => "blue",
        }
    }
}

/// One choice of the mode as the stored string writes it, `key=value`: what a control that
/// makes it stands for. The first view's controls carry theirs (`data-vi`), so that `boot.js`
/// can set a kept mode on them with no copy of this format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViChoice {
    On,
    Size(ViSize),
    Scheme(ViScheme),
    ImagesOff,
}

const ON: &str = "on";
const SIZE: &str = "size";
const SCHEME: &str = "scheme";
const IMAGES: &str = "images";

impl ViChoice {
    /// `key=value`, as in `ViSettings::to_storage`.
    pub fn storage_pair(self) -> String {
        match self {
            ViChoice::On => format!("{ON}=1"),
            ViChoice::Size(size) => format!("{SIZE}={}", size.key()),
            ViChoice::Scheme(scheme) => format!("{SCHEME}={}", scheme.key()),
            ViChoice::ImagesOff => format!("{IMAGES}=off"),
        }
    }
}

impl ViSettings {
    /// Reads the stored string; anything unknown stays at its default.
    pub fn from_storage(text: &str) -> Self {
        let pairs: Vec<&str> = text.split(';').collect();
        let has = |choice: ViChoice| pairs.contains(&choice.storage_pair().as_str());
        ViSettings {
            on: has(ViChoice::On),
            size: ViSize::ALL
                .into_iter()
                .find(|&size| has(ViChoice::Size(size)))
                .unwrap_or_default(),
            scheme: ViScheme::ALL
                .into_iter()
                .find(|&scheme| has(ViChoice::Scheme(scheme)))
                .unwrap_or_default(),
            images_off: has(ViChoice::ImagesOff),
        }
    }

    /// The string kept in storage: a pair per setting.
    pub fn to_storage(&self) -> String {
        format!(
            "{ON}={};{};{};{IMAGES}={}",
            u8::from(self.on),
            ViChoice::Size(self.size).storage_pair(),
            ViChoice::Scheme(self.scheme).storage_pair(),
            if self.images_off { "off" } else { "on" }
        )
    }

    /// CSS classes for the root element; none when the mode is off.
    pub fn classes(&self) -> String {
        if !self.on {
            return String::new();
        }
        let mut classes = format!(
            "a11y vi-size-{} vi-scheme-{}",
            self.size.key(),
            self.scheme.key()
        );
        if self.images_off {
            classes.push_str(" vi-images-off");
        }
        classes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_grow_with_the_type_size_only_while_the_mode_is_on() {
        let mut settings = ViSettings {
            size: ViSize::Larger,
            ..ViSettings::default()
        };
        assert_eq!(settings.chart_scale(), 1.0);
        settings.on = true;
        assert_eq!(settings.chart_scale(), 2.0);
        for size in ViSize::ALL {
            let scale = ViSettings {
                on: true,
                size,
                ..settings
            }
            .chart_scale();
            assert_eq!(scale * 100.0, size.key().parse::<f64>().unwrap());
        }
    }

    #[test]
    fn storage_round_trips_and_ignores_junk() {
        let settings = ViSettings {
            on: true,
            size: ViSize::Largest,
            scheme: ViScheme::BlueOnLightBlue,
            images_off: true,
        };
        assert_eq!(ViSettings::from_storage(&settings.to_storage()), settings);
        assert_eq!(
            ViSettings::from_storage("size=999;scheme=<x>;;on"),
            ViSettings::default()
        );
    }

    #[test]
    fn classes_name_each_choice_only_when_on() {
        assert_eq!(ViSettings::default().classes(), "");
        let on = ViSettings {
            on: true,
            images_off: true,
            ..ViSettings::default()
        };
        assert_eq!(on.classes(), "a11y vi-size-150 vi-scheme-bw vi-images-off");
    }
}
