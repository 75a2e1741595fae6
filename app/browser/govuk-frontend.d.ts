// GOV.UK Frontend ships JavaScript with JSDoc but no declarations: the little the public pages'
// script uses of it (docs/decisions/046).
declare module "govuk-frontend" {
  export class Component {
    constructor($root: Element | null);
    readonly $root: HTMLElement;
  }
  export class ConfigurableComponent<Config = Record<string, unknown>> extends Component {
    constructor($root: Element | null, config?: Config);
    readonly config: Config;
  }
  interface ComponentClass {
    moduleName: string;
    new ($root: Element | null, config?: never): Component;
  }
  export const Button: ComponentClass;
  export const CharacterCount: ComponentClass;
  export const Checkboxes: ComponentClass;
  export const ErrorSummary: ComponentClass;
  export const NotificationBanner: ComponentClass;
  export class Radios extends Component {
    static moduleName: string;
    protected syncConditionalRevealWithInputState($input: HTMLInputElement): void;
  }
  export const SkipLink: ComponentClass;
  export class ExitThisPage extends ConfigurableComponent {
    static moduleName: string;
    protected i18n: { t(key: string): string };
    protected $button: HTMLAnchorElement;
    protected $updateSpan: HTMLElement | null;
    protected $overlay: HTMLElement | null;
    protected exitPage(): void;
  }
  export function createAll(Component: ComponentClass, config?: unknown, scope?: Document | Element): Component[];
}
