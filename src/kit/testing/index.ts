/**
 * The test suites every osallistu element runs, exported so that an element of your own (or a
 * fork's) is held to the same checks: the element suite (axe in every state, languages, loading,
 * not found, offline and errors) and the form-control suite (form participation like a native control).
 * They use the mocha globals and `@open-wc/testing`, so they run under web-test-runner.
 */
export { runElementSuite, type ActivityTarget, type ElementState, type ElementSuiteOptions } from './element-suite.js';
export { formControlChecks, runFormControlSuite, type FormControlElement, type FormControlRenderState, type FormControlSuiteOptions } from './form-control-suite.js';
