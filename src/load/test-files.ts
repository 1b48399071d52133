/**
 * Tests are not part of the service that gets carved: they call everything, and would pull
 * every candidate together. Left out unless --include-tests.
 */
const TEST_FILE = /\.(test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/;
const TEST_DIR = /(^|\/)(__tests__|__mocks__|test|tests|e2e|spec|__fixtures__)\//;

export function isTestFile(relativePosixPath: string): boolean {
  return TEST_FILE.test(relativePosixPath) || TEST_DIR.test(relativePosixPath);
}
