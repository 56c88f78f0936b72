// Type tests (checked by `tsc -p .`): the structural Clerk types the package publishes still accept
// clerk-js's real instance and options. When clerk-js changes a member the elements call, this fails.
import type { ClerkOptions, HeadlessBrowserClerk, Resources, SetActiveParams } from '@clerk/shared/types';
import type { ClerkInstance, ClerkLoadOptions, ClerkResources, ClerkSetActiveParams } from '../../src/clerk-types.js';

type Assignable<Target, Source extends Target> = Source;

export type ClerkTypeAssertions = [
  Assignable<ClerkInstance, HeadlessBrowserClerk>,
  Assignable<ClerkLoadOptions, ClerkOptions>,
  Assignable<ClerkResources, Resources>,
  Assignable<SetActiveParams, ClerkSetActiveParams>,
];
