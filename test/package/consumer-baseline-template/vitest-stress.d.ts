/// <reference types="vitest-stress/matchers" />
