// The app's icons, made from static/icon.svg by `npm run icons` (@vite-pwa/assets-generator).
// The PNGs are committed: the build and CI then need no image tool (sharp) at all.
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

export default defineConfig({
	headLinkOptions: { preset: '2023' },
	preset: {
		...minimal2023Preset,
		maskable: { ...minimal2023Preset.maskable, resizeOptions: { background: '#1f5f4a' } },
		apple: { ...minimal2023Preset.apple, resizeOptions: { background: '#1f5f4a' } }
	},
	images: ['static/icon.svg']
});
