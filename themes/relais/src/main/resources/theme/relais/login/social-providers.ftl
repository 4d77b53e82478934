<#-- Identity provider buttons, minus those the upstream health probes find unreachable
     (relaisUnreachableProviders, set by the relais-username-password-form authenticator during an
     outage): a Pro Santé Connect button would only hang, so the page says so and names the means
     that still work. -->
<#macro show social>
  <#assign unreachable = relaisUnreachableProviders![]>
  <#assign offered = social.providers?filter(p -> !unreachable?seq_contains(p.alias))>
  <#if unreachable?has_content>
  <div id="relais-outage-psc" class="${properties.kcAlertClass!} pf-m-warning" role="status" aria-live="polite">
      <div class="${properties.kcAlertIconClass!}"><span class="${properties.kcFeedbackWarningIcon!}" aria-hidden="true"></span></div>
      <p class="${properties.kcAlertTitleClass!}">${msg("relais.outage.psc.title")}</p>
      <div class="${properties.kcAlertDescriptionClass!}">${msg("relais.outage.psc.means")}</div>
  </div>
  </#if>
  <#if offered?has_content>
  <div class="${properties.kcLoginMainFooterBand!}">
      <span class="${properties.kcLoginMainFooterBandItem!} ${properties.kcLoginMainFooterHelperText!}">
          ${msg("identity-provider-login-label")}
      </span>
  </div>
  <div id="kc-social-providers" class="${properties.kcFormSocialAccountSectionClass!}">
      <ul class="${properties.kcFormSocialAccountListClass!}">
          <#list offered as p>
              <li class="${properties.kcFormSocialAccountListItemClass!}">
                  <a data-once-link data-disabled-class="${properties.kcFormSocialAccountListButtonDisabledClass!}" id="social-${p.alias}"
                          class="${properties.kcFormSocialAccountListButtonClass!}" aria-label="${p.displayName}"
                          type="button" href="${p.loginUrl}">
                      <#if p.iconClasses?has_content>
                          <span class="${p.iconClasses!}">${p.displayName!}</span>
                      <#else>
                          <span class="${properties.kcFormSocialAccountNameClass!}">${p.displayName!}</span>
                      </#if>
                  </a>
              </li>
          </#list>
      </ul>
  </div>
  </#if>
</#macro>
