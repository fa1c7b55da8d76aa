// Assembles the peer page into target/bench/peer-dist/ (or the folder given): index.html,
// peer.js, peer.css, ECharts' prebuilt echarts.min.js from node_modules, and the explorer's
// own dataset as data/technoparks.json. No bundler: the files are copied as they are, but for
// peer.js, which is strings.js, base.js and peer.js one after the other in one function.
//
//     node bench/peer/build.mjs [OUT_DIR]

import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');

/** The default output folder. */
export const PEER_DIST = path.join(REPO_ROOT, 'target', 'bench', 'peer-dist');

/** The sources of the served peer.js, in order: its words, its state and helpers, the page. */
const SCRIPT_PARTS = ['strings.js', 'base.js', 'peer.js'];

/** The served peer.js: the parts in one function's scope, in strict mode. */
async function peerScript() {
  const parts = await Promise.all(SCRIPT_PARTS.map((file) => fs.readFile(path.join(HERE, file), 'utf8')));
  return `'use strict';\n\n(() => {\n${parts.join('\n')}\n})();\n`;
}

/** Writes the peer page into `out` (emptied first) and returns the folder. */
export async function buildPeer(out = PEER_DIST) {
  const echarts = path.join(REPO_ROOT, 'node_modules', 'echarts', 'dist', 'echarts.min.js');
  await fs.access(echarts).catch(() => {
    throw new Error(`buildPeer: ${echarts} is missing (run \`npm install\` at the repository root)`);
  });
  await fs.rm(out, { recursive: true, force: true });
  await fs.mkdir(path.join(out, 'data'), { recursive: true });
  for (const file of ['index.html', 'peer.css']) {
    await fs.copyFile(path.join(HERE, file), path.join(out, file));
  }
  await fs.writeFile(path.join(out, 'peer.js'), await peerScript());
  await fs.copyFile(echarts, path.join(out, 'echarts.min.js'));
  await fs.copyFile(
    path.join(REPO_ROOT, 'public', 'data', 'technoparks.json'),
    path.join(out, 'data', 'technoparks.json'),
  );
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildPeer(process.argv[2] ? path.resolve(process.argv[2]) : PEER_DIST);
  console.error(`peer page assembled in ${path.relative(process.cwd(), out) || '.'}`);
}
