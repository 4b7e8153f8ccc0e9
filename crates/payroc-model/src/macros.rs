//! The two macros behind every API enum: open string enums and tagged unions.

/// Defines a string enum that stays open: a value the API adds later parses into
/// `Unknown(String)` and is written back unchanged, so a new server value never
/// breaks a whole response.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the SDK does not know; kept verbatim.
            Unknown(String),
        }

        // A value nobody documented may be anything a caller typed, a card number
        // included: `Debug` shows it scrubbed.
        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $( Self::$variant => f.write_str(stringify!($variant)), )+
                    Self::Unknown(other) => f
                        .debug_tuple("Unknown")
                        .field(&$crate::secret::scrub(other))
                        .finish(),
                }
            }
        }

        impl $name {
            /// Every value this SDK knows, in the API's documented order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value exactly as the API spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $value, )+
                    Self::Unknown(other) => other,
                }
            }

            /// Parses the API's spelling; anything else becomes `Unknown`.
            pub fn from_api(value: &str) -> Self {
                // A long list written in order (the currencies) is searched by halves:
                // a `match` compares the strings one after another.
                const VALUES: &[&str] = &[$($value),+];
                const BY_HALVES: bool = VALUES.len() > 16 && $crate::macros::ascending(VALUES);
                if BY_HALVES {
                    return match VALUES.binary_search(&value) {
                        Ok(index) => Self::KNOWN[index].clone(),
                        Err(_) => Self::Unknown(value.to_owned()),
                    };
                }
                match value {
                    $( $value => Self::$variant, )+
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl $crate::OpenEnum for $name {
            fn as_str(&self) -> &str {
                $name::as_str(self)
            }
            fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
            fn known_values() -> &'static [&'static str] {
                &[$($value),+]
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from_api(value))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visit;
                impl ::serde::de::Visitor<'_> for Visit {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, value: &str) -> Result<$name, E> {
                        Ok($name::from_api(value))
                    }
                    fn visit_string<E: ::serde::de::Error>(self, value: String) -> Result<$name, E> {
                        match value.as_str() {
                            $( $value => Ok($name::$variant), )+
                            _ => Ok($name::Unknown(value)),
                        }
                    }
                }
                deserializer.deserialize_str(Visit)
            }
        }
    };
}

/// Whether `values` are in strictly ascending byte order; evaluated at compile time by
/// `open_enum!` to choose how `from_api` looks a value up.
pub(crate) const fn ascending(values: &[&str]) -> bool {
    let mut i = 1;
    while i < values.len() {
        let (a, b) = (values[i - 1].as_bytes(), values[i].as_bytes());
        let mut j = 0;
        loop {
            if j == a.len() || j == b.len() {
                if a.len() >= b.len() {
                    return false;
                }
                break;
            }
            if a[j] != b[j] {
                if a[j] > b[j] {
                    return false;
                }
                break;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

/// Defines a polymorphic body: a flat JSON object whose discriminator field (`$tag`)
/// selects the variant, as the API tags it. A discriminator value this SDK does not
/// know parses into `Unknown` with the whole object kept, so it round-trips.
macro_rules! tagged_union {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident tag $tag:literal {
            $( $(#[$vmeta:meta])* $variant:ident($ty:ty) = $value:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
        #[serde(tag = $tag)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $value)] $variant($ty), )+
            /// A variant this version of the SDK does not know, kept as received.
            #[serde(untagged)]
            Unknown($crate::UnknownVariant),
        }

        impl $name {
            /// The discriminator field's name on the wire.
            pub const TAG: &'static str = $tag;
            /// Every discriminator value this SDK knows.
            pub const KNOWN_TAGS: &'static [&'static str] = &[$($value),+];

            /// The discriminator value of this variant, as the API spells it.
            pub fn tag(&self) -> &str {
                match self {
                    $( Self::$variant(_) => $value, )+
                    Self::Unknown(unknown) => unknown.tag($tag).unwrap_or(""),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                use ::serde::de::Error as _;
                let mut value = ::serde_json::Value::deserialize(deserializer)?;
                let tag = match value.get($tag) {
                    Some(::serde_json::Value::String(tag)) => tag.as_str(),
                    Some(_) => return Err(D::Error::custom(concat!("`", $tag, "` must be a string"))),
                    None if value.is_object() => return Err(D::Error::missing_field($tag)),
                    None => return Err(D::Error::custom(concat!("expected a JSON object (", stringify!($name), ")"))),
                };
                type Read = fn(::serde_json::Value) -> Result<$name, String>;
                let read: Read = match tag {
                    $( $value => |value| $crate::json::variant_from_value(value).map($name::$variant), )+
                    _ => return Ok(Self::Unknown($crate::UnknownVariant(value))),
                };
                // The variant keeps the fields it does not know, and the tag is written
                // by the enum: left in, it would be kept too and written twice.
                if let Some(object) = value.as_object_mut() {
                    object.remove($tag);
                }
                read(value).map_err(D::Error::custom)
            }
        }
    };
}
