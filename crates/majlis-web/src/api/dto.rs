//! JSON shapes of the API (documented in the OpenAPI document).

use chrono::{DateTime, NaiveDate, Utc};
use majlis_domain::{Body, Membership, Person};
use majlis_store::Account;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct BodyDto {
    pub id: Uuid,
    pub name_ar: String,
    pub name_fr: Option<String>,
    pub name_en: Option<String>,
    /// executive, council, congress, secretariat, regional, provincial, local, parallel_org, sector, commission
    pub kind: String,
    pub parent_id: Option<Uuid>,
    pub city: Option<String>,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Body> for BodyDto {
    fn from(b: Body) -> Self {
        Self {
            id: b.id,
            name_ar: b.name_ar,
            name_fr: b.name_fr,
            name_en: b.name_en,
            kind: b.kind.as_str().into(),
            parent_id: b.parent_id,
            city: b.city,
            archived: b.archived,
            created_at: b.created_at,
            updated_at: b.updated_at,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct BodyRequest {
    pub name_ar: String,
    #[serde(default)]
    pub name_fr: Option<String>,
    #[serde(default)]
    pub name_en: Option<String>,
    pub kind: String,
    #[serde(default)]
    pub parent_id: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
}

impl From<BodyRequest> for majlis_domain::BodyInput {
    fn from(r: BodyRequest) -> Self {
        Self {
            name_ar: r.name_ar,
            name_fr: r.name_fr,
            name_en: r.name_en,
            kind: r.kind,
            parent_id: r.parent_id,
            city: r.city,
        }
    }
}

/// A person. `email` and `phone` are present only for those allowed to see them.
#[derive(Serialize, ToSchema)]
pub struct PersonDto {
    pub id: Uuid,
    pub full_name_ar: String,
    pub full_name_latin: Option<String>,
    /// female or male
    pub gender: String,
    pub member_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub joined_on: Option<NaiveDate>,
    pub archived: bool,
}

impl PersonDto {
    pub fn new(p: Person, with_contact: bool) -> Self {
        Self {
            id: p.id,
            full_name_ar: p.full_name_ar,
            full_name_latin: p.full_name_latin,
            gender: p.gender.as_str().into(),
            member_number: p.member_number,
            email: if with_contact { p.email } else { None },
            phone: if with_contact { p.phone } else { None },
            joined_on: p.joined_on,
            archived: p.archived,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct PersonRequest {
    pub full_name_ar: String,
    #[serde(default)]
    pub full_name_latin: Option<String>,
    pub gender: String,
    #[serde(default)]
    pub member_number: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// YYYY-MM-DD
    #[serde(default)]
    pub joined_on: Option<String>,
}

impl From<PersonRequest> for majlis_domain::PersonInput {
    fn from(r: PersonRequest) -> Self {
        Self {
            full_name_ar: r.full_name_ar,
            full_name_latin: r.full_name_latin,
            gender: r.gender,
            member_number: r.member_number,
            email: r.email,
            phone: r.phone,
            joined_on: r.joined_on,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MembershipDto {
    pub id: Uuid,
    pub person_id: Uuid,
    pub body_id: Uuid,
    pub role: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl From<Membership> for MembershipDto {
    fn from(m: Membership) -> Self {
        Self {
            id: m.id,
            person_id: m.person_id,
            body_id: m.body_id,
            role: m.role.0,
            starts_on: m.starts_on,
            ends_on: m.ends_on,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MemberDto {
    pub membership: MembershipDto,
    pub person: PersonDto,
}

#[derive(Serialize, ToSchema)]
pub struct PersonMembershipDto {
    pub membership: MembershipDto,
    pub body: BodyDto,
}

#[derive(Deserialize, ToSchema)]
pub struct MembershipRequest {
    pub person_id: String,
    pub body_id: String,
    pub role: String,
    /// YYYY-MM-DD; today when absent
    #[serde(default)]
    pub starts_on: Option<String>,
    #[serde(default)]
    pub ends_on: Option<String>,
}

#[derive(Deserialize, ToSchema, Default)]
pub struct EndRequest {
    /// The membership's last day (YYYY-MM-DD); yesterday when absent.
    #[serde(default)]
    pub on: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AccountDto {
    pub id: Uuid,
    pub username: String,
    pub email: Option<String>,
    pub person_id: Option<Uuid>,
    pub is_admin: bool,
    pub locale: Option<String>,
}

impl From<&Account> for AccountDto {
    fn from(a: &Account) -> Self {
        Self {
            id: a.id,
            username: a.username.clone(),
            email: a.email.clone(),
            person_id: a.person_id,
            is_admin: a.is_admin,
            locale: a.locale.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RoleDto {
    pub body_id: Uuid,
    pub body_kind: String,
    pub role: String,
}

#[derive(Serialize, ToSchema)]
pub struct MeDto {
    pub account: AccountDto,
    pub roles: Vec<RoleDto>,
}

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    /// Username or e-mail.
    pub login: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    pub account: AccountDto,
    /// Send as `X-CSRF-Token` on state-changing requests made with the session cookie.
    pub csrf_token: String,
}

#[derive(Deserialize, ToSchema)]
pub struct TokenRequest {
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenDto {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<majlis_store::service::accounts::ApiToken> for TokenDto {
    fn from(t: majlis_store::service::accounts::ApiToken) -> Self {
        Self {
            id: t.id,
            name: t.name,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct NewTokenDto {
    pub token: TokenDto,
    /// Shown once; store it now.
    pub secret: String,
}

#[derive(Serialize, ToSchema)]
pub struct BodiesPageDto {
    pub items: Vec<BodyDto>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

#[derive(Serialize, ToSchema)]
pub struct PeoplePageDto {
    pub items: Vec<PersonDto>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

#[derive(Serialize, ToSchema)]
pub struct RoleInfoDto {
    pub key: String,
    pub name_ar: String,
    pub name_ar_female: String,
    pub name_fr: String,
    pub name_en: String,
    pub builtin: bool,
    pub manages: bool,
}

#[derive(Serialize, ToSchema)]
pub struct AuditEventDto {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Uuid,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// The error envelope of every failed request.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable snake_case code: invalid_input, forbidden, unauthenticated, not_found, conflict, csrf_failed, payload_too_large, bad_request, locked, unavailable, internal
    pub code: String,
    /// Translated message (Accept-Language, cookie or account setting).
    pub message: String,
    pub fields: Vec<FieldErrorDto>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldErrorDto {
    pub field: String,
    pub code: String,
    pub message: String,
}
