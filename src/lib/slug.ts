// An address part (slug) made from a name: what an organisation or group is called, in the
// lower case letters, numbers and dashes the database accepts.
export function slugFrom(name: string, max = 60): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, max)
		.replace(/^-+|-+$/g, '');
}
