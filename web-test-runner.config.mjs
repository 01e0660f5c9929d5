import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { osaServerPlugin } from './scripts/wtr-server-plugin.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests: every `*.test.ts` under src/ except the pure core, which runs in node, and the
 * custom adapter example's, which imports the built package (`osallistu/…`) as a developer would.
 */
export default {
  files: ['src/**/*.test.ts', '!src/core/**/*.test.ts', 'examples/custom-adapter/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), osaServerPlugin()],
  // Background tabs get no requestAnimationFrame, which fixtures wait for: one page at a time.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  // The kill test starts and SIGKILLs a server process twice: minutes on a loaded machine.
  testsFinishTimeout: 300000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), summaryReporter()],
};
