-- What hosted Supabase gives every project before its own migrations run: the roles with the
-- attributes Supabase gives them, the auth and extensions schemas, the JWT helper functions and
-- the default privileges. Runs as the superuser supabase_admin (the user initdb made), as
-- Supabase's own init scripts and role migrations do (github.com/supabase/postgres,
-- migrations/db/init-scripts and migrations/db/migrations; Supabase docs, "Postgres Roles").
-- Local only: supabase/migrations must never create any of this.

-- postgres is the project's owner but not a superuser: Supabase demotes it
-- (10000000000000_demote-postgres.sql). Migrations and the seed run as postgres.
create role postgres login password 'postgres'
	nosuperuser createdb createrole replication bypassrls;
alter role postgres set search_path to "$user", public, extensions;
grant all on database postgres to postgres;
-- The public schema belongs to pg_database_owner (supabase_admin); postgres creates in it.
grant all on schema public to postgres;

-- The API roles. INHERIT, as Supabase has them since 20230529180330_alter_api_roles_for_inherit.
create role anon nologin inherit;
create role authenticated nologin inherit;
create role service_role nologin inherit bypassrls;
-- PostgREST logs in as authenticator and switches to the role of the request's JWT. A query
-- that runs or waits for a lock longer than 8 s is cut off there, as on Supabase.
create role authenticator login noinherit password 'postgres';
grant anon, authenticated, service_role to authenticator;
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
-- Postgres 16+: postgres may grant the API roles (20250605172253_grant_with_admin_to_postgres_16_and_above).
grant anon, authenticated, service_role to postgres with admin option;

-- Supabase Auth's own role: it owns the auth tables; postgres is no member of it
-- (20240627101908_revoke_supabase_auth_admin_from_postgres) and it creates no roles
-- (20260821154147_revoke_createrole_from_auth_admin).
create role supabase_auth_admin login noinherit nocreaterole password 'postgres';
alter role supabase_auth_admin set search_path = auth;

create schema extensions;
grant all on schema extensions to postgres;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
grant all on all routines in schema extensions to postgres;

-- auth belongs to supabase_admin, its tables to supabase_auth_admin (20_auth.sql). postgres
-- reads and writes them but creates nothing in auth (no CREATE since 20240627101908).
create schema auth authorization supabase_admin;
grant all on schema auth to supabase_auth_admin;
grant usage on schema auth to postgres, anon, authenticated, service_role;

-- Supabase's default privileges: the API roles get table privileges in public, so Row Level
-- Security, not a missing grant, is what protects data.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
	grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
	grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
	grant all on sequences to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
	grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
	grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
	grant all on sequences to postgres, anon, authenticated, service_role;
