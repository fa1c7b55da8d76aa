//! The fields of each kind of object in the dataset file, read off its serde types
//! (`src/model/raw.rs`) at build time, for `model::unknown` (the check page's unknown-field
//! warnings): one list, the types', instead of a copy kept level by a test, and nothing more
//! in the WASM than the list itself.
//!
//! A [`Probe`] is a `Deserializer` that feeds a type a made-up value: it records the `fields`
//! serde's derive passes to `deserialize_struct`, and visits each field (one element of a
//! list, the `Some` of an option) to go on down. Nothing it builds is kept.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::de::value::{Error, StrDeserializer};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;

/// Each kind of object by its path with the indices dropped (`parks[].status[]`; the whole
/// document is ``), with its fields as the file names them.
pub type Objects = BTreeMap<String, &'static [&'static str]>;

/// The fields of every kind of object `T` holds, `T` itself at ``.
pub fn objects<'de, T: de::Deserialize<'de>>() -> Objects {
    let mut objects = Objects::new();
    if let Err(e) = T::deserialize(Probe {
        path: String::new(),
        objects: &mut objects,
    }) {
        panic!("the serde types cannot be probed: {e}");
    }
    objects
}

/// `objects` as the Rust constant `unknown.rs` includes.
pub fn rust(objects: &Objects) -> String {
    let mut out = String::from(
        "/// The fields of each kind of object, by its path with the indices dropped\n\
         /// (`parks[].status[]`), as the serde types of `raw.rs` name them (`build/fields.rs`).\n\
         const OBJECTS: &[(&str, &[&str])] = &[\n",
    );
    for (path, fields) in objects {
        writeln!(out, "    ({path:?}, &{fields:?}),").unwrap();
    }
    out.push_str("];\n");
    out
}

struct Probe<'a> {
    path: String,
    objects: &'a mut Objects,
}

impl Probe<'_> {
    /// The same records, for a value at `path`.
    fn at(&mut self, path: String) -> Probe<'_> {
        Probe {
            path,
            objects: self.objects,
        }
    }
}

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = Error;

    /// What the type reads whole, whatever it is (`raw::AnyValue`): no fields to know.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.objects.insert(self.path.clone(), fields);
        visitor.visit_map(Fields {
            probe: self,
            fields,
            next: 0,
        })
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let path = format!("{}[]", self.path);
        visitor.visit_seq(Element {
            probe: Some(Probe {
                path,
                objects: self.objects,
            }),
        })
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let first: StrDeserializer<'_, Error> = variants[0].into_deserializer();
        visitor.visit_enum(first)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str("")
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str("")
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u32(0)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_f64(0.0)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u64 u128 f32 char bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct map identifier ignored_any
    }
}

/// A struct's fields, each key followed by its value at the key's path.
struct Fields<'a> {
    probe: Probe<'a>,
    fields: &'static [&'static str],
    next: usize,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(field) = self.fields.get(self.next) else {
            return Ok(None);
        };
        let key: StrDeserializer<'_, Error> = field.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let field = self.fields[self.next];
        self.next += 1;
        let path = match self.probe.path.as_str() {
            "" => field.to_string(),
            parent => format!("{parent}.{field}"),
        };
        seed.deserialize(self.probe.at(path))
    }
}

/// A list of one element, at the list's path with `[]`.
struct Element<'a> {
    probe: Option<Probe<'a>>,
}

impl<'de> SeqAccess<'de> for Element<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.probe
            .take()
            .map(|probe| seed.deserialize(probe))
            .transpose()
    }
}
