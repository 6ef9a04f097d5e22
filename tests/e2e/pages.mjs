// Page objects for the wizard: the steps a person takes, with role and label locators.
import { expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

export const KEY = 'er-wizard:data';

export class Wizard {
  constructor(page) {
    this.page = page;
  }

  heading(name) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async home() {
    await this.page.goto('./');
    await expect(this.heading('Your circuits')).toBeVisible();
  }

  /** Fills the create form and creates the circuit; ends on step 1 of the new circuit. */
  async createCircuit({
    name = 'ExpressRouteARMCircuit', resourceGroup = 'ExpressRouteResourceGroup', region = 'West US',
    provider = 'Equinix', location = 'Silicon Valley', bandwidth = '200', layer3 = false,
    tier = 'Standard', family = 'MeteredData',
  } = {}) {
    const p = this.page;
    await this.openCreateForm({ name, resourceGroup, region });
    await p.getByRole('combobox', { name: 'Provider', exact: true }).fill(provider);
    await p.getByLabel('Peering location').fill(location);
    if (layer3) await p.getByLabel('Layer 3').check();
    await p.getByLabel('Bandwidth').selectOption(bandwidth);
    await p.getByLabel('SKU').selectOption(tier);
    await p.getByLabel('Billing model').selectOption(family);
    await p.getByRole('button', { name: 'Continue' }).click();
    await expect(this.heading('Check the circuit before you create it')).toBeVisible();
    await p.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(this.heading('Create the circuit')).toBeVisible();
    await expect(p.getByText('Billing starts now')).toBeVisible();
  }

  /** Opens the create form and fills the basics (resource group, region, name). */
  async openCreateForm({ name, resourceGroup = 'ExpressRouteResourceGroup', region = 'West US' }) {
    const p = this.page;
    await p.getByRole('link', { name: 'Create circuit' }).first().click();
    await expect(this.heading('Create the circuit')).toBeVisible();
    await p.getByLabel('Resource group').fill(resourceGroup);
    await p.getByLabel('Region').fill(region);
    await p.getByLabel('Name', { exact: true }).fill(name);
  }

  async step(n) {
    if (await this.page.getByText(`Step ${n} of 5`).isVisible()) return;
    await this.page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('link', { name: new RegExp(`^${n}\\. `) }).click();
    await expect(this.page.getByText(`Step ${n} of 5`)).toBeVisible();
  }

  async press(name) {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  /** The provider status badge text. */
  async providerStatus() {
    return (await this.page.locator('.badge', { hasText: 'Provider status' }).first().locator('.badge-value').textContent()).trim();
  }

  async expectProviderStatus(value) {
    await expect(this.page.locator('.badge', { hasText: 'Provider status' }).first().locator('.badge-value')).toHaveText(value);
  }

  async reload() {
    await this.page.reload();
    await expect(this.page.locator('h1')).toBeVisible();
  }

  async fillPeering(fields) {
    const p = this.page;
    for (const [label, value] of Object.entries(fields)) {
      const field = p.getByLabel(label, { exact: true });
      if (label === 'Routing registry name') await field.selectOption(value);
      else await field.fill(value);
    }
  }

  async provision() {
    await this.step(2);
    await this.press('Provider starts provisioning');
    await this.expectProviderStatus('Provisioning');
    await this.press('Provider completes provisioning');
    await this.expectProviderStatus('Provisioned');
  }
}

/** Runs axe-core in the page (injected with evaluate, which a strict CSP allows) and returns violations. */
export async function axe(page) {
  const src = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(src);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) }));
  });
}
