-- Demo data for `npm run dev`: one organisation, three groups, a dozen members with Dutch,
-- French and English nicknames, posts of every kind. Sign in as moderator@kring.test or
-- lid@kring.test with the password kring-demo; others joined with a nickname only.
-- Join link for the Ghent group: /join/dEmO-k7Qx2LpN9vR4sT8wYz3
-- Users are inserted as GoTrue leaves them: its token columns have no default, and GoTrue reads
-- them (and is_super_admin) into values that cannot be NULL, so a NULL there fails the sign-in.


insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, is_anonymous, created_at, updated_at,
	confirmation_token, recovery_token, email_change_token_new, email_change, is_super_admin) values
	('00000000-0000-0000-0000-000000000000', '2137bf62-9a55-53f2-9ea1-162df210d274', 'authenticated', 'authenticated', 'moderator@kring.test', extensions.crypt('kring-demo', extensions.gen_salt('bf')), now(), '{"provider":"email","providers":["email"]}', '{"nickname":"Els","language":"nl"}', false, now() - interval '60 days', now(), '', '', '', '', false),
	('00000000-0000-0000-0000-000000000000', 'ef847e74-143c-5e3f-bb0b-d415816cd93a', 'authenticated', 'authenticated', 'lid@kring.test', extensions.crypt('kring-demo', extensions.gen_salt('bf')), now(), '{"provider":"email","providers":["email"]}', '{"nickname":"Karim","language":"nl"}', false, now() - interval '60 days', now(), '', '', '', '', false),
	('00000000-0000-0000-0000-000000000000', 'ae4acbc8-f7bd-59d1-9b74-197307435431', 'authenticated', 'authenticated', 'marie@kring.test', extensions.crypt('kring-demo', extensions.gen_salt('bf')), now(), '{"provider":"email","providers":["email"]}', '{"nickname":"Marie","language":"fr"}', false, now() - interval '60 days', now(), '', '', '', '', false),
	('00000000-0000-0000-0000-000000000000', 'dfa53483-c873-5000-a3fe-faea06c2f5a1', 'authenticated', 'authenticated', null, null, null, '{"provider":"anonymous","providers":["anonymous"]}', '{"nickname":"Jan","language":"nl"}', true, now() - interval '50 days', now(), '', '', '', '', false),
	('00000000-0000-0000-0000-000000000000', '360d981a-dc51-5ce8-94f0-7754ca65cc7e', 'authenticated', 'authenticated', null, null, null, '{"provider":"anonymous","providers":["anonymous"]}', '{"nickname":"Fatou","language":"fr"}', true, now() - interval '50 days', now(), '', '', '', '', false),
	('00000000-0000-0000-0000-000000000000', '4b68c8b0-124b-5636-b47f-beeb9afb300a', 'authenticated', 'authenticated', null, null, null, '{"provider":"anonymous","providers":["anonymous"]}', '{"nickname":"Sofie","language":"nl"}', true, now() - interval '50 days', now(), '', '', '', '', false),
	('00000000-0000-0000-0000-000000000000', '3659b847-8901-5080-b6e8-b12fee583111', 'authenticated', 'authenticated', null, null, null, '{"provider":"anonymous","providers":["anonymous"]}', '{"nickname":"Ahmed","language":"nl"}', true, now() - interval '50 days', now(), '', '', '', '', false),
	('00000000-0000-0000-0000-000000000000', '77b2cfcd-a050-51e3-b674-80cde7b8b694', 'authenticated', 'authenticated', null, null, null, '{"provider":"anonymous","providers":["anonymous"]}', '{"nickname":"Lucie","language":"fr"}', true, now() - interval '50 days', now(), '', '', '', '', false),
	('00000000-0000-0000-0000-000000000000', '04b03706-bf87-508f-801f-0ede765952cc', 'authenticated', 'authenticated', null, null, null, '{"provider":"anonymous","providers":["anonymous"]}', '{"nickname":"Tom","language":"en"}', true, now() - interval '50 days', now(), '', '', '', '', false),
	('00000000-0000-0000-0000-000000000000', '693d96d7-1de9-578d-ab9b-319389ff1155', 'authenticated', 'authenticated', null, null, null, '{"provider":"anonymous","providers":["anonymous"]}', '{"nickname":"Nadia","language":"fr"}', true, now() - interval '50 days', now(), '', '', '', '', false),
	('00000000-0000-0000-0000-000000000000', '248505ff-8e41-5a11-b086-b0bfc2a93684', 'authenticated', 'authenticated', null, null, null, '{"provider":"anonymous","providers":["anonymous"]}', '{"nickname":"Rik","language":"nl"}', true, now() - interval '50 days', now(), '', '', '', '', false),
	('00000000-0000-0000-0000-000000000000', '93f2479a-6908-5ec7-ad79-d73542cb1446', 'authenticated', 'authenticated', null, null, null, '{"provider":"anonymous","providers":["anonymous"]}', '{"nickname":"Grace","language":"en"}', true, now() - interval '50 days', now(), '', '', '', '', false);

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at) values
	('2137bf62-9a55-53f2-9ea1-162df210d274', '2137bf62-9a55-53f2-9ea1-162df210d274', '{"sub":"2137bf62-9a55-53f2-9ea1-162df210d274","email":"moderator@kring.test","email_verified":true}', 'email', now(), now(), now()),
	('ef847e74-143c-5e3f-bb0b-d415816cd93a', 'ef847e74-143c-5e3f-bb0b-d415816cd93a', '{"sub":"ef847e74-143c-5e3f-bb0b-d415816cd93a","email":"lid@kring.test","email_verified":true}', 'email', now(), now(), now()),
	('ae4acbc8-f7bd-59d1-9b74-197307435431', 'ae4acbc8-f7bd-59d1-9b74-197307435431', '{"sub":"ae4acbc8-f7bd-59d1-9b74-197307435431","email":"marie@kring.test","email_verified":true}', 'email', now(), now(), now());

insert into public.organisations (id, name, slug, description, address, contact, languages, colour, initials) values
	('5bf974ce-72e6-55d8-9372-43219b3e1e50', 'Samen Sterk vzw', 'samen-sterk',
		'Een vereniging waar mensen in armoede het woord nemen. We praten samen, zoeken samen uit hoe het zit met rekeningen en rechten, en doen samen dingen die deugd doen.',
		'Wijkcentrum De Sleutel, Sleutelstraat 4, 9000 Gent', 'info@samensterk.test · 09 123 45 67',
		'{nl,fr}', '#2f6f4e', 'SS');

-- Els (moderator@kring.test) runs the organisation: she registered it and makes its groups.
insert into public.organisation_admins (organisation_id, user_id, added_by) values
	('5bf974ce-72e6-55d8-9372-43219b3e1e50', '2137bf62-9a55-53f2-9ea1-162df210d274', '2137bf62-9a55-53f2-9ea1-162df210d274');

insert into public.groups (id, organisation_id, name, slug, description, rules, join_policy, language) values
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '5bf974ce-72e6-55d8-9372-43219b3e1e50', 'Praatgroep Gent', 'praatgroep-gent',
		'Elke twee weken praten we over wat ons bezighoudt. Iedereen is welkom, zonder oordeel.',
		'We luisteren naar elkaar. Wat hier gezegd wordt, blijft hier. We lachen niemand uit. Iedereen mag zwijgen.',
		'invite_only', 'nl'),
	('cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', '5bf974ce-72e6-55d8-9372-43219b3e1e50', 'Groupe de parole Bruxelles', 'groupe-bruxelles',
		'Un groupe pour parler ensemble, en français, de ce qui nous pèse et de ce qui nous aide.',
		'On s''écoute. Ce qui est dit ici reste ici. Personne n''est jugé.',
		'request', 'fr'),
	('aa169ae9-7ef6-505b-8fc7-d9da32fb7857', '5bf974ce-72e6-55d8-9372-43219b3e1e50', 'Budgetgroep', 'budgetgroep',
		'Tips en hulp rond facturen, premies en rondkomen.',
		'We delen tips, geen oordelen. Persoonlijke gegevens delen we niet.',
		'open', 'nl');

insert into public.group_members (group_id, user_id, role, status, nickname, joined_at, rules_accepted_at, last_seen_at) values
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '2137bf62-9a55-53f2-9ea1-162df210d274', 'moderator', 'active', 'Els', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', 'ef847e74-143c-5e3f-bb0b-d415816cd93a', 'member', 'active', 'Karim', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', 'dfa53483-c873-5000-a3fe-faea06c2f5a1', 'member', 'active', 'Jan', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '4b68c8b0-124b-5636-b47f-beeb9afb300a', 'member', 'active', 'Sofie', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '3659b847-8901-5080-b6e8-b12fee583111', 'host', 'active', 'Ahmed', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '248505ff-8e41-5a11-b086-b0bfc2a93684', 'member', 'active', 'Rik', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '93f2479a-6908-5ec7-ad79-d73542cb1446', 'member', 'active', 'Grace', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '04b03706-bf87-508f-801f-0ede765952cc', 'member', 'active', 'Tom', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', '2137bf62-9a55-53f2-9ea1-162df210d274', 'moderator', 'active', 'Els', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', 'ae4acbc8-f7bd-59d1-9b74-197307435431', 'member', 'active', 'Marie', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', '360d981a-dc51-5ce8-94f0-7754ca65cc7e', 'member', 'active', 'Fatou', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', '77b2cfcd-a050-51e3-b674-80cde7b8b694', 'member', 'active', 'Lucie', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', '693d96d7-1de9-578d-ab9b-319389ff1155', 'member', 'active', 'Nadia', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('aa169ae9-7ef6-505b-8fc7-d9da32fb7857', '2137bf62-9a55-53f2-9ea1-162df210d274', 'moderator', 'active', 'Els', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('aa169ae9-7ef6-505b-8fc7-d9da32fb7857', 'ef847e74-143c-5e3f-bb0b-d415816cd93a', 'member', 'active', 'Karim', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('aa169ae9-7ef6-505b-8fc7-d9da32fb7857', '4b68c8b0-124b-5636-b47f-beeb9afb300a', 'member', 'active', 'Sofie', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days'),
	('aa169ae9-7ef6-505b-8fc7-d9da32fb7857', '04b03706-bf87-508f-801f-0ede765952cc', 'member', 'active', 'Tom', now() - interval '40 days', now() - interval '40 days', now() - interval '2 days');

insert into public.invites (group_id, code, created_by, expires_at, max_uses) values
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', 'dEmO-k7Qx2LpN9vR4sT8wYz3', '2137bf62-9a55-53f2-9ea1-162df210d274', now() + interval '1 year', 1000);

insert into public.posts (id, group_id, author_id, kind, body, anonymous, created_at, pinned_at) values
	('11f06320-1448-583b-acd1-c464f8cd1709', 'b187c24e-c692-5358-a6d3-adf9a325f2eb', '2137bf62-9a55-53f2-9ea1-162df210d274', 'tip', 'Welkom in de praatgroep! Volgende bijeenkomst is dinsdag om 14 uur in het buurthuis. Er is koffie en soep.', false, now() - interval '9 days', now() - interval '9 days'),
	('65e4bc14-6c1f-596d-8f2a-ce513ac3db66', 'b187c24e-c692-5358-a6d3-adf9a325f2eb', null, 'question', 'Ik krijg een aanmaning voor mijn energiefactuur en durf niet te bellen. Wat doen jullie dan?', true, now() - interval '3 days', null),
	('78483ce5-899b-5f90-a074-a4c1cf51a67c', 'b187c24e-c692-5358-a6d3-adf9a325f2eb', '4b68c8b0-124b-5636-b47f-beeb9afb300a', 'story', 'Vandaag voor het eerst naar de sociale kruidenier geweest. Het viel mee. De mensen waren vriendelijk.', false, now() - interval '2 days', null),
	('08b97048-acb6-5d6d-b8ba-1416313fd298', 'b187c24e-c692-5358-a6d3-adf9a325f2eb', '3659b847-8901-5080-b6e8-b12fee583111', 'offering', 'Ik heb een kinderfiets over (voor 6 tot 8 jaar). Wie heeft er iets aan?', false, now() - interval '1 day', null),
	('f4ae88b9-8f3e-58d3-95f7-bcd031bb355f', 'b187c24e-c692-5358-a6d3-adf9a325f2eb', '93f2479a-6908-5ec7-ad79-d73542cb1446', 'looking_for', 'I am looking for someone who can help me fill in a form from the OCMW. My Dutch is not so good yet.', false, now() - interval '20 hours', null),
	('bbeb6a15-996e-58f9-8dbf-e7a17a6ddc6f', 'cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', 'ae4acbc8-f7bd-59d1-9b74-197307435431', 'question', 'Quelqu''un sait où on peut trouver des vêtements d''hiver pas chers pour les enfants à Bruxelles ?', false, now() - interval '4 days', null),
	('1d6d7542-f3c5-5e9a-bcc1-1d0213123d0b', 'cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', null, 'story', 'Ce mois-ci était très dur. Merci d''être là, ça m''aide de savoir que je ne suis pas seule.', true, now() - interval '2 days', null),
	('7fe5874d-fdf0-5eb3-b05d-b40e70613617', 'aa169ae9-7ef6-505b-8fc7-d9da32fb7857', 'ef847e74-143c-5e3f-bb0b-d415816cd93a', 'tip', 'Vraag na of je recht hebt op het sociaal tarief voor energie. Bij mij scheelde dat veel.', false, now() - interval '5 days', null);

insert into public.post_authors (post_id, author_id, client_id) values
	('11f06320-1448-583b-acd1-c464f8cd1709', '2137bf62-9a55-53f2-9ea1-162df210d274', '8cbce2e4-253e-5b23-87b5-60fad869c344'),
	('65e4bc14-6c1f-596d-8f2a-ce513ac3db66', 'dfa53483-c873-5000-a3fe-faea06c2f5a1', 'ab936478-73b0-5428-86a9-499f6d24225a'),
	('78483ce5-899b-5f90-a074-a4c1cf51a67c', '4b68c8b0-124b-5636-b47f-beeb9afb300a', '3d2a9b4d-aae4-5358-844f-4f8a2fe7f700'),
	('08b97048-acb6-5d6d-b8ba-1416313fd298', '3659b847-8901-5080-b6e8-b12fee583111', '45cb403b-18a6-5a37-afbc-ecb6b482c167'),
	('f4ae88b9-8f3e-58d3-95f7-bcd031bb355f', '93f2479a-6908-5ec7-ad79-d73542cb1446', 'c19e883d-f435-5b1c-bb4f-21df735139c7'),
	('bbeb6a15-996e-58f9-8dbf-e7a17a6ddc6f', 'ae4acbc8-f7bd-59d1-9b74-197307435431', 'fc3c300a-14d1-5b4d-a9db-c23919d545c0'),
	('1d6d7542-f3c5-5e9a-bcc1-1d0213123d0b', '360d981a-dc51-5ce8-94f0-7754ca65cc7e', '7af38415-2f57-5805-9fb9-87d49aa8dc80'),
	('7fe5874d-fdf0-5eb3-b05d-b40e70613617', 'ef847e74-143c-5e3f-bb0b-d415816cd93a', 'e78281d5-c2ab-5399-9428-9a66b8143d77');

insert into public.comments (id, post_id, group_id, author_id, body, anonymous, created_at) values
	('2e629ab4-0327-5156-8a8e-857b69b2472f', '65e4bc14-6c1f-596d-8f2a-ce513ac3db66', 'b187c24e-c692-5358-a6d3-adf9a325f2eb', '2137bf62-9a55-53f2-9ea1-162df210d274', 'Goed dat je het vraagt. Je kan samen met mij bellen, na de bijeenkomst van dinsdag.', false, now() - interval '2 days'),
	('4f9ae31c-3788-5afb-8b8e-af8a647d6118', '65e4bc14-6c1f-596d-8f2a-ce513ac3db66', 'b187c24e-c692-5358-a6d3-adf9a325f2eb', 'ef847e74-143c-5e3f-bb0b-d415816cd93a', 'Vraag een afbetalingsplan. Dat lukte bij mij ook.', false, now() - interval '2 days'),
	('ec9e7a1d-83db-59c3-9d60-fd198ea59aa5', '78483ce5-899b-5f90-a074-a4c1cf51a67c', 'b187c24e-c692-5358-a6d3-adf9a325f2eb', '248505ff-8e41-5a11-b086-b0bfc2a93684', 'Knap dat je gegaan bent!', false, now() - interval '1 day'),
	('24bb4194-bd60-5b18-a871-37829e90cfaf', 'f4ae88b9-8f3e-58d3-95f7-bcd031bb355f', 'b187c24e-c692-5358-a6d3-adf9a325f2eb', '04b03706-bf87-508f-801f-0ede765952cc', 'I can help you on Tuesday after the meeting.', false, now() - interval '10 hours'),
	('caa7620b-5801-545c-b5e5-95efb5aef539', 'bbeb6a15-996e-58f9-8dbf-e7a17a6ddc6f', 'cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', '693d96d7-1de9-578d-ab9b-319389ff1155', 'Il y a une vestiboutique à Molenbeek, le samedi matin.', false, now() - interval '3 days'),
	('88bf05da-844b-5c9f-8bc9-6566ddfe20c4', '1d6d7542-f3c5-5e9a-bcc1-1d0213123d0b', 'cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', '77b2cfcd-a050-51e3-b674-80cde7b8b694', 'Tu n''es pas seule. On est là.', false, now() - interval '1 day');

insert into public.comment_authors (comment_id, author_id, client_id) values
	('2e629ab4-0327-5156-8a8e-857b69b2472f', '2137bf62-9a55-53f2-9ea1-162df210d274', '03fee3a0-6f82-50eb-a643-ebdd52d6637f'),
	('4f9ae31c-3788-5afb-8b8e-af8a647d6118', 'ef847e74-143c-5e3f-bb0b-d415816cd93a', '512736bc-114d-52b7-b5e6-d25c351c8a3a'),
	('ec9e7a1d-83db-59c3-9d60-fd198ea59aa5', '248505ff-8e41-5a11-b086-b0bfc2a93684', 'ec35271a-9801-595f-ad88-477089140e89'),
	('24bb4194-bd60-5b18-a871-37829e90cfaf', '04b03706-bf87-508f-801f-0ede765952cc', '88d9fe97-b407-53da-8922-ea1179ebcb70'),
	('caa7620b-5801-545c-b5e5-95efb5aef539', '693d96d7-1de9-578d-ab9b-319389ff1155', 'b594b95b-4264-5d5b-bc87-2d4d472c8359'),
	('88bf05da-844b-5c9f-8bc9-6566ddfe20c4', '77b2cfcd-a050-51e3-b674-80cde7b8b694', '52dd5ea3-fc3e-596b-b05a-fc5f96102d1c');

insert into public.reactions (group_id, post_id, user_id, kind, client_id) values
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '65e4bc14-6c1f-596d-8f2a-ce513ac3db66', 'ef847e74-143c-5e3f-bb0b-d415816cd93a', 'recognise', '7a824e51-99ec-5997-b86c-b594d40f888b'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '65e4bc14-6c1f-596d-8f2a-ce513ac3db66', '4b68c8b0-124b-5636-b47f-beeb9afb300a', 'recognise', '6c414f7f-954f-5d2e-bc17-902c59c65369'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '65e4bc14-6c1f-596d-8f2a-ce513ac3db66', '248505ff-8e41-5a11-b086-b0bfc2a93684', 'support', '03bc4f10-0b74-55b2-8ce3-7e6109044acc'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '78483ce5-899b-5f90-a074-a4c1cf51a67c', '2137bf62-9a55-53f2-9ea1-162df210d274', 'support', '3add9b68-37c5-5ce8-b90e-69e89bc57b5b'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '78483ce5-899b-5f90-a074-a4c1cf51a67c', 'dfa53483-c873-5000-a3fe-faea06c2f5a1', 'thanks', '50c1e1d9-ebf6-5dad-9cf1-ba14c8732c7f'),
	('b187c24e-c692-5358-a6d3-adf9a325f2eb', '08b97048-acb6-5d6d-b8ba-1416313fd298', '93f2479a-6908-5ec7-ad79-d73542cb1446', 'thanks', 'd622f235-25b7-5a5d-8c8d-cf540d75a5ad'),
	('cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', '1d6d7542-f3c5-5e9a-bcc1-1d0213123d0b', 'ae4acbc8-f7bd-59d1-9b74-197307435431', 'support', '57745432-f421-5371-8c31-e71814eb25a2'),
	('cac359ab-41d2-5d55-9e4e-6ff781f9bc4a', '1d6d7542-f3c5-5e9a-bcc1-1d0213123d0b', '693d96d7-1de9-578d-ab9b-319389ff1155', 'recognise', '41e6d7c5-6633-53f2-955c-eeb585570c21'),
	('aa169ae9-7ef6-505b-8fc7-d9da32fb7857', '7fe5874d-fdf0-5eb3-b05d-b40e70613617', '4b68c8b0-124b-5636-b47f-beeb9afb300a', 'thanks', '74ce7d24-37d6-551a-ae1a-8ef7ef5991d0');

-- Meetups, made through the functions the app calls, as the people who would make them: a
-- weekly praatcafé in Ghent (with a member without a phone), an organisation-wide picnic and an
-- online budget evening. Dates count from today, so the demo always has meetups to come.
do $$
declare
	gent constant uuid := 'b187c24e-c692-5358-a6d3-adf9a325f2eb';
	bruxelles constant uuid := 'cac359ab-41d2-5d55-9e4e-6ff781f9bc4a';
	budget constant uuid := 'aa169ae9-7ef6-505b-8fc7-d9da32fb7857';
	els constant uuid := '2137bf62-9a55-53f2-9ea1-162df210d274';
	ahmed constant uuid := '3659b847-8901-5080-b6e8-b12fee583111';
	next_tuesday date := current_date + ((2 - extract(isodow from current_date)::integer + 6) % 7) + 1;
	next_saturday date := current_date + ((6 - extract(isodow from current_date)::integer + 6) % 7) + 1;
	praatcafe uuid;
	picnic uuid;
	maria uuid;
	person record;
begin
	perform set_config('request.jwt.claims', json_build_object('sub', els, 'role', 'authenticated')::text, true);
	praatcafe := public.create_meetup_series(
		gen_random_uuid(), gent, 'Praatcafé',
		'We drinken koffie en praten over hoe het gaat. Je hoeft niets te zeggen als je dat niet wil.',
		(next_tuesday + time '14:00') at time zone 'Europe/Brussels',
		(next_tuesday + time '16:00') at time zone 'Europe/Brussels',
		'Buurthuis De Sleutel, Sleutelstraat 4, 9000 Gent', null, null, true, false, true,
		array['nl', 'en'], 'group', 8, 'weekly', next_tuesday + 84
	);
	picnic := public.create_meetup(
		gen_random_uuid(), bruxelles, 'Pique-nique au parc',
		'Chacun apporte quelque chose à partager, s''il le peut. Les enfants sont les bienvenus.',
		(next_saturday + time '12:00') at time zone 'Europe/Brussels',
		(next_saturday + time '15:00') at time zone 'Europe/Brussels',
		'Parc de Forest, entrée avenue Victor Rousseau, 1190 Forest', null, '2 euro', false, true, false,
		array['fr', 'nl'], 'organisation', null
	);
	perform public.create_meetup(
		gen_random_uuid(), budget, 'Samen je energiefactuur lezen',
		'Neem je laatste factuur mee (op papier of op je gsm). We kijken samen wat er staat.',
		((next_tuesday + 2) + time '19:00') at time zone 'Europe/Brussels',
		((next_tuesday + 2) + time '20:30') at time zone 'Europe/Brussels',
		null, 'https://meet.jit.si/kring-budgetgroep', null, false, false, false,
		array['nl'], 'group', 6
	);
	-- Open to anyone, with or without Kring: it is on the organisation's public page (/o/samen-sterk).
	perform public.create_meetup(
		gen_random_uuid(), budget, 'Open koffieochtend: vragen over je energiefactuur',
		'Kom gerust langs met je vragen of je factuur. Je hoeft geen lid te zijn. Er is koffie en thee.',
		((next_saturday + 7) + time '10:00') at time zone 'Europe/Brussels',
		((next_saturday + 7) + time '12:00') at time zone 'Europe/Brussels',
		'Wijkcentrum De Sleutel, Sleutelstraat 4, 9000 Gent', null, null, true, true, true,
		array['nl', 'fr'], 'public', 20
	);

	-- Karim (lid@kring.test), Sofie, Jan and Grace answer for the first praatcafé.
	for person in
		select * from (values
			('ef847e74-143c-5e3f-bb0b-d415816cd93a'::uuid, 'going'::public.rsvp_status, 2, false, true, 'Ik breng mijn twee kinderen mee.'),
			('4b68c8b0-124b-5636-b47f-beeb9afb300a'::uuid, 'going'::public.rsvp_status, 0, true, false, ''),
			('dfa53483-c873-5000-a3fe-faea06c2f5a1'::uuid, 'maybe'::public.rsvp_status, 0, false, false, ''),
			('93f2479a-6908-5ec7-ad79-d73542cb1446'::uuid, 'going'::public.rsvp_status, 1, false, false, '')
		) as answers (user_id, status, children, transport, cost, note)
	loop
		perform set_config('request.jwt.claims', json_build_object('sub', person.user_id, 'role', 'authenticated')::text, true);
		perform public.rsvp(gen_random_uuid(), praatcafe, person.status, person.children, person.transport, person.cost, person.note);
	end loop;

	-- Maria has no smartphone: Ahmed, a host, keeps her in the group and answers for her.
	perform set_config('request.jwt.claims', json_build_object('sub', ahmed, 'role', 'authenticated')::text, true);
	maria := public.add_member_without_phone(gent, 'Maria');
	perform public.rsvp_for_member(gen_random_uuid(), praatcafe, maria, 'going', 0, true, false, 'Ze komt met de bus.');

	-- Marie (marie@kring.test) comes to the picnic.
	perform set_config('request.jwt.claims', json_build_object('sub', 'ae4acbc8-f7bd-59d1-9b74-197307435431', 'role', 'authenticated')::text, true);
	perform public.rsvp(gen_random_uuid(), picnic, 'going', 1, false, false, '');

	perform set_config('request.jwt.claims', '', true);
end;
$$;
