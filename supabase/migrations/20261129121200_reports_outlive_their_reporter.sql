-- A report stays when its reporter deletes their account (issue 10): deleting it with the account
-- made the item's count drop at the moment the person's name left the members list, and a
-- moderator looking before and after could tell who had reported it. The report loses only who
-- sent it.
alter table public.reports
	alter column reporter_id drop not null,
	drop constraint reports_reporter_id_fkey,
	add constraint reports_reporter_id_fkey
		foreign key (reporter_id) references auth.users (id) on delete set null;
