-- What hosted Supabase gives every project before its own migrations run: the API roles,
-- the auth and extensions schemas, the JWT helper functions and the default privileges.
-- Local only: supabase/migrations must never create any of this.

create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
create role authenticator login noinherit password 'postgres';
grant anon, authenticated, service_role to authenticator;
create role supabase_auth_admin login noinherit createrole password 'postgres';

create schema extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

create schema auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role;
grant all on schema auth to postgres;

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

-- Supabase's default privileges: the API roles get table privileges in public, so Row Level
-- Security, not a missing grant, is what protects data.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
	grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
	grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
	grant all on sequences to anon, authenticated, service_role;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';

-- What `supabase db push` records about applied migrations.
create schema supabase_migrations;
create table supabase_migrations.schema_migrations (
	version text primary key,
	statements text[],
	name text
);
