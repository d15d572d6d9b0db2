// The HTML of an organisation's embeddable list of open activities: written out here rather than
// through a Svelte page, so it carries none of Kring's own frame (header, language switch,
// scripts) into someone else's website, and its one style sheet can be allowed by its hash.
import { createHash } from 'node:crypto';
import { textOn } from '$lib/organisation-colour';
import { m } from '$lib/paraglide/messages';
import { meetupWhen } from '$lib/time';
import { pagePath, type PublicOrganisation } from './public-organisation';

type Locale = 'nl' | 'fr' | 'en';

const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
const escape = (text: string) => text.replace(/[&<>"']/g, (character) => escapes[character]);

function styleSheet(colour: string): string {
	return [
		// A long word (a title, a place, a name with no spaces) breaks instead of running out of the frame.
		'body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f1d;background:#fff;overflow-wrap:anywhere}',
		`h1{margin:0;padding:.5rem .75rem;font-size:1.1rem;background:${colour};color:${textOn(colour)}}`,
		'ul{margin:0;padding:0;list-style:none}',
		`li{padding:.5rem .75rem;border-bottom:1px solid #d5d2c8;border-left:.375rem solid ${colour}}`,
		'h2{margin:0;font-size:1rem}',
		'p{margin:0}',
		'.meta{color:#4a5550;font-size:.9rem}',
		'a{color:#1f5f4a}',
		'.more{display:block;padding:.5rem .75rem}'
	].join('');
}

export function embedHtml(
	organisation: PublicOrganisation,
	options: { origin: string; locale: Locale }
): { html: string; styleHash: string } {
	const { origin, locale } = options;
	const css = styleSheet(organisation.colour);
	const page = `${origin}${pagePath(organisation.slug)}`;
	const title = m.public_org_embed_title({ name: organisation.name }, { locale });
	const items = organisation.activities.map((activity) => {
		const facts = [
			activity.cost
				? m.meetup_cost({ cost: activity.cost }, { locale })
				: m.meetup_free({}, { locale }),
			activity.childcare ? m.meetup_childcare({}, { locale }) : '',
			activity.transport_help ? m.meetup_transport({}, { locale }) : '',
			activity.wheelchair_access ? m.meetup_wheelchair({}, { locale }) : '',
			activity.full ? m.public_org_full({}, { locale }) : ''
		].filter(Boolean);
		const where = activity.place ?? m.meetup_online({}, { locale });
		return (
			`<li><h2><a href="${escape(`${page}#activity-${activity.id}`)}" target="_blank" rel="noopener">${escape(activity.title)}</a></h2>` +
			`<p>${escape(meetupWhen(activity.starts_at, activity.ends_at, locale))}</p>` +
			`<p>${escape(where)}</p>` +
			`<p class="meta">${escape(facts.join(' · '))}</p></li>`
		);
	});
	const list = items.length
		? `<ul>${items.join('')}</ul>`
		: `<p class="more">${escape(m.public_org_no_activities({}, { locale }))}</p>`;
	const html =
		`<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<meta name="robots" content="noindex"><title>${escape(title)}</title><style>${css}</style></head>` +
		`<body><main><h1>${escape(title)}</h1>${list}` +
		`<a class="more" href="${escape(page)}" target="_blank" rel="noopener">${escape(m.public_org_embed_more({}, { locale }))}</a>` +
		`</main></body></html>`;
	return { html, styleHash: `sha256-${createHash('sha256').update(css).digest('base64')}` };
}
