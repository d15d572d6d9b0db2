-- The tables of Supabase Auth (GoTrue) that the local auth service uses, with GoTrue's own
-- column names and types, so migrations and seeds written for hosted Supabase run unchanged.
-- Owned by supabase_auth_admin, as GoTrue's migrations leave them on Supabase.
set role supabase_auth_admin;

-- PostgREST puts the verified JWT claims into request.jwt.claims for every request.
create function auth.jwt() returns jsonb
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim', true), ''),
		nullif(current_setting('request.jwt.claims', true), '')
	)::jsonb
$$;

create function auth.uid() returns uuid
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.sub', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
	)::uuid
$$;

create function auth.role() returns text
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.role', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
	)::text
$$;

create function auth.email() returns text
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.email', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
	)::text
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role(), auth.email()
	to anon, authenticated, service_role;

create table auth.users (
	instance_id uuid,
	id uuid primary key,
	aud varchar(255),
	role varchar(255),
	email varchar(255),
	encrypted_password varchar(255),
	email_confirmed_at timestamptz,
	invited_at timestamptz,
	confirmation_token varchar(255),
	confirmation_sent_at timestamptz,
	recovery_token varchar(255),
	recovery_sent_at timestamptz,
	email_change_token_new varchar(255),
	email_change varchar(255),
	email_change_sent_at timestamptz,
	last_sign_in_at timestamptz,
	raw_app_meta_data jsonb,
	raw_user_meta_data jsonb,
	is_super_admin boolean,
	created_at timestamptz,
	updated_at timestamptz,
	phone text unique default null,
	phone_confirmed_at timestamptz,
	phone_change text default '',
	phone_change_token varchar(255) default '',
	phone_change_sent_at timestamptz,
	confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
	email_change_token_current varchar(255) default '',
	email_change_confirm_status smallint default 0 check (email_change_confirm_status between 0 and 2),
	banned_until timestamptz,
	reauthentication_token varchar(255) default '',
	reauthentication_sent_at timestamptz,
	is_sso_user boolean not null default false,
	deleted_at timestamptz,
	is_anonymous boolean not null default false
);
create unique index users_email_partial_key on auth.users (email) where (is_sso_user = false);
create index users_instance_id_idx on auth.users (instance_id);
create index users_is_anonymous_idx on auth.users (is_anonymous);

create table auth.identities (
	provider_id text not null,
	user_id uuid not null references auth.users (id) on delete cascade,
	identity_data jsonb not null,
	provider text not null,
	last_sign_in_at timestamptz,
	created_at timestamptz,
	updated_at timestamptz,
	email text generated always as (lower(identity_data ->> 'email')) stored,
	id uuid primary key default gen_random_uuid(),
	constraint identities_provider_id_provider_unique unique (provider_id, provider)
);
create index identities_user_id_idx on auth.identities (user_id);

create type auth.aal_level as enum ('aal1', 'aal2', 'aal3');

create table auth.sessions (
	id uuid primary key,
	user_id uuid not null references auth.users (id) on delete cascade,
	created_at timestamptz,
	updated_at timestamptz,
	factor_id uuid,
	aal auth.aal_level,
	not_after timestamptz,
	refreshed_at timestamp,
	user_agent text,
	ip inet,
	tag text
);
create index sessions_user_id_idx on auth.sessions (user_id);

create table auth.refresh_tokens (
	instance_id uuid,
	id bigserial primary key,
	token varchar(255) unique,
	user_id varchar(255),
	revoked boolean,
	created_at timestamptz,
	updated_at timestamptz,
	parent varchar(255),
	session_id uuid references auth.sessions (id) on delete cascade
);
create index refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);

reset role;

-- What postgres may do with auth on Supabase (20211115181400_update-auth-permissions and
-- 10000000000000_demote-postgres): everything with its tables and functions, nothing new in it.
grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;
grant all on all routines in schema auth to postgres;
