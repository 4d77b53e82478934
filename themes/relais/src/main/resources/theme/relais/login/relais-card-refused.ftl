<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- Shown when a presented card cannot sign the professional in; the message says why. -->
<@layout.registrationLayout displayMessage=true ; section>
    <#if section = "header">
        ${msg("relais.card.refused")}
    <#elseif section = "form">
        <p id="relais-card-refusal" data-reason="${relaisCardRefusal!''}">${msg(relaisCardRefusal!"relais.card.refused")}</p>
        <form id="relais-other-means-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="relais-other-means" name="other-means" label="relais.card.useOtherMeans" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
