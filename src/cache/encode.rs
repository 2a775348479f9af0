//! The bytes a fingerprint hashes: any `Serialize` value written as tagged,
//! length-prefixed pieces.
//!
//! Fingerprints used to hash each page's data printed as JSON, and escaping
//! JSON strings (a byte-by-byte scan of every article body) was the largest
//! cost of telling whether a page changed. Here a string is its length and
//! its bytes, copied whole. Every value starts with a tag byte and every
//! sequence and structure ends with one, so no two different values write
//! the same bytes; field and variant names are written too, so a change in
//! the shape of the data changes the fingerprint, as it did with JSON.

use serde::ser::{self, Serialize};

/// Appends `value`'s encoding to `out`.
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    match value.serialize(&mut Encoder { out }) {
        Ok(()) => {}
        Err(never) => match never {},
    }
}

/// A serializer that cannot fail: every value has an encoding.
struct Encoder<'o> {
    out: &'o mut Vec<u8>,
}

/// The error an [`Encoder`] never returns.
#[derive(Debug)]
enum Never {}

impl std::fmt::Display for Never {
    fn fmt(&self, _: &mut std::fmt::Formatter) -> std::fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        panic!("page data cannot be fingerprinted: {msg}")
    }
}

impl Encoder<'_> {
    fn tag(&mut self, tag: u8) {
        self.out.push(tag);
    }

    fn text(&mut self, bytes: &[u8]) {
        self.out
            .extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.out.extend_from_slice(bytes);
    }

    fn number(&mut self, tag: u8, bits: [u8; 8]) -> Result<(), Never> {
        self.tag(tag);
        self.out.extend_from_slice(&bits);
        Ok(())
    }
}

impl ser::Serializer for &mut Encoder<'_> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), Never> {
        self.tag(if v { b't' } else { b'f' });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Never> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Never> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Never> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Never> {
        self.number(b'i', v.to_le_bytes())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Never> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Never> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Never> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Never> {
        self.number(b'u', v.to_le_bytes())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Never> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Never> {
        self.number(b'r', v.to_le_bytes())
    }
    fn serialize_char(self, v: char) -> Result<(), Never> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Never> {
        self.tag(b's');
        self.text(v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Never> {
        self.tag(b'y');
        self.text(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Never> {
        self.tag(b'n');
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Never> {
        self.tag(b'o');
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Never> {
        self.tag(b'e');
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Never> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Never> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.tag(b'v');
        self.text(variant.as_bytes());
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Never> {
        self.tag(b'[');
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.tag(b'v');
        self.text(variant.as_bytes());
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Never> {
        self.tag(b'{');
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Self, Never> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.tag(b'v');
        self.text(variant.as_bytes());
        self.serialize_map(Some(len))
    }
}

/// Sequences: each element, then `]`.
macro_rules! sequence {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for &mut Encoder<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Never> {
                self.tag(b']');
                Ok(())
            }
        }
    )*};
}

sequence!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// Structures: each field's name and value, then `}`.
macro_rules! structure {
    ($($trait:ident),*) => {$(
        impl ser::$trait for &mut Encoder<'_> {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Never> {
                ser::Serializer::serialize_str(&mut **self, key)?;
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Never> {
                self.tag(b'}');
                Ok(())
            }
        }
    )*};
}

structure!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for &mut Encoder<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Never> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Never> {
        self.tag(b'}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    fn bytes<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
        let mut out = Vec::new();
        write(&mut out, value);
        out
    }

    #[derive(Serialize)]
    struct Card<'a> {
        title: &'a str,
        source: Option<&'a str>,
        count: usize,
    }

    #[test]
    fn strings_are_written_whole_with_their_length() {
        let text = "«قال» \"x\" \\ <b>";
        let out = bytes(text);
        assert_eq!(out[0], b's');
        assert_eq!(&out[1..9], &(text.len() as u64).to_le_bytes());
        assert_eq!(&out[9..], text.as_bytes());
    }

    #[test]
    fn different_values_write_different_bytes() {
        let card = |title, source, count| {
            bytes(&Card {
                title,
                source,
                count,
            })
        };
        let all = [
            card("بوتين", None, 1),
            card("بوتين", Some(""), 1),
            card("بوتين", None, 2),
            card("بوتين ", None, 1),
            card("", Some("بوتين"), 1),
            bytes(&["بوتين", "ترامب"]),
            bytes(&["بوتينترامب", ""]),
            bytes(&[vec!["بوتين", "ترامب"], vec![]]),
            bytes(&[vec!["بوتين"], vec!["ترامب"]]),
            bytes(&(1u32, true)),
            bytes(&(1u64, false)),
            bytes(&1i64),
            bytes(&1.0f64),
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn field_names_count() {
        #[derive(Serialize)]
        struct Renamed<'a> {
            name: &'a str,
            source: Option<&'a str>,
            count: usize,
        }
        let card = Card {
            title: "x",
            source: None,
            count: 1,
        };
        let renamed = Renamed {
            name: "x",
            source: None,
            count: 1,
        };
        assert_ne!(bytes(&card), bytes(&renamed));
    }
}
