import { readFileSync } from 'node:fs';
import { FaultProfile, type FaultProfileData } from '../../../spec/schemas/faults.js';
import type { SandboxDomain } from '../../domain/domain.js';
import { ruleProblem } from './declared.js';
import { FaultPlan } from './plan.js';

/** Reads and checks a chaos profile (--faults FILE); throws naming the file and the first problems. */
export function readFaultProfile(path: string): FaultProfileData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read fault profile ${path}: ${(error as Error).message}`);
  }
  const parsed = FaultProfile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Fault profile ${path} is not {"rules":[...]}: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** The sandbox's fault plan, with the profile's rules loaded (checked as the control API checks them). */
export function createFaultPlan(domain: SandboxDomain, profile: FaultProfileData | undefined): FaultPlan {
  const plan = new FaultPlan(domain.random);
  if (!profile) return plan;
  for (const rule of profile.rules) {
    const problem = ruleProblem(rule);
    if (problem) throw new Error(`fault profile: ${problem}`);
  }
  const problems = plan.loadProfile(profile);
  if (problems.length) throw new Error(`fault profile: ${problems[0]}`);
  return plan;
}
